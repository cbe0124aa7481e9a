import type { NextFunction, Request, Response } from 'express';

/**
 * CSRF defence in depth beside SameSite=Strict cookies: a form post must come from this
 * site. Browsers send Sec-Fetch-Site and/or Origin with every POST; a request carrying
 * neither is not from a browser, and then cookies are not the threat.
 */
const hostOf = (origin: string): string | undefined => {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
};

export function sameOriginPosts(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'POST') return next();
  const site = req.get('sec-fetch-site');
  const origin = req.get('origin');
  const crossSite = (site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== 'null' && hostOf(origin) !== req.get('host'));
  if (crossSite) {
    res.status(403).type('text').send('Forbidden: cross-site form post');
    return;
  }
  next();
}
