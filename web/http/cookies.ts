import type { Request, Response } from 'express';

/** The portal's cookies, by purpose. */
export const COOKIES = {
  language: 'lapor_lang',
  /** A staff or reporter bearer token (JWT), so forms work without JavaScript. */
  session: 'lapor_session',
  /** A code holder's tracking id and access code: their own complaint, without an account. */
  receipt: 'lapor_receipt',
} as const;
export type CookieName = (typeof COOKIES)[keyof typeof COOKIES];

/** One cookie's value from the Cookie header; undefined when absent or not decodable. */
export function readCookie(req: Request, name: CookieName): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * HttpOnly (no script reads a token), SameSite=Strict (no other site's form posts with it:
 * the portal's CSRF defence together with the Origin check), Secure behind TLS.
 */
export function writeCookie(req: Request, res: Response, name: CookieName, value: string, maxAgeSeconds: number): void {
  res.cookie(name, value, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: maxAgeSeconds * 1000 });
}

export function clearCookie(req: Request, res: Response, name: CookieName): void {
  res.clearCookie(name, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
}
