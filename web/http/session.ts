import type { NextFunction, Request, Response } from 'express';
import type { TokenVerifier } from '../../app/auth/tokenVerifier';
import type { Actor } from '../../eventstore/metadata';
import { clearCookie, COOKIES, readCookie } from './cookies';

export interface Session {
  readonly actor: Actor;
  readonly token: string;
}

/**
 * Resolves the session cookie into `res.locals.session`, verifying the token each time (the
 * same verifier as the API: expiry, issuer, audience). A token that no longer verifies is
 * dropped, and the visitor continues as the public.
 */
export function resolveSession(verifyToken: TokenVerifier) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = readCookie(req, COOKIES.session);
    if (token !== undefined) {
      try {
        res.locals.session = { actor: await verifyToken(token), token } satisfies Session;
      } catch {
        clearCookie(req, res, COOKIES.session);
      }
    }
    next();
  };
}
