import type { Request } from 'express';
import type { Actor } from '../../eventstore/metadata';
import { InvalidToken, type TokenVerifier } from '../auth/tokenVerifier';
import { HttpProblem } from './httpProblem';
import { problem } from './problem';

/** A citizen without a token: may submit and read public data, nothing else. */
export const PUBLIC_ACTOR: Actor = Object.freeze({ id: 'anonymous', role: 'public' });

/** Resolves who is calling: PUBLIC_ACTOR without a token; a bad token is a 401, never a quiet downgrade to public. */
export type Authenticator = (req: Request) => Promise<Actor>;

const unauthorized = (detail: string, error: 'invalid_token' | 'invalid_request' = 'invalid_token'): HttpProblem =>
  new HttpProblem(problem(401, 'unauthorized', 'Authentication failed', { detail }), {
    'www-authenticate': `Bearer realm="lapor", error="${error}"`,
  });

export function bearerAuthenticator(verify: TokenVerifier): Authenticator {
  return async (req) => {
    const header = req.get('authorization');
    if (header === undefined) return PUBLIC_ACTOR;
    const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header);
    if (!match?.[1]) throw unauthorized('expected "Authorization: Bearer <token>"', 'invalid_request');
    try {
      return await verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidToken) throw unauthorized(error.message);
      throw error;
    }
  };
}

/** Staff and reporter actions need a token; the domain then decides what the role may do. */
export function requireSignedIn(actor: Actor): void {
  if (actor.role === 'public') {
    throw new HttpProblem(problem(401, 'unauthorized', 'Authentication required', { detail: 'this action needs a bearer token' }), {
      'www-authenticate': 'Bearer realm="lapor"',
    });
  }
}
