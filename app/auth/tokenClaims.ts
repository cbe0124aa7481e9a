import { z } from 'zod';
import { ActorRole, type Actor } from '../../eventstore/metadata';

/** Roles a token may carry: `public` is what a request without a token is. */
export const TokenRole = ActorRole.exclude(['public']);
export type TokenRole = z.infer<typeof TokenRole>;

/**
 * The claims the API reads. Not strict: an SSO adds claims of its own (iat, jti, name...)
 * and those are no threat, because only these three are ever read.
 */
export const TokenClaims = z
  .object({
    sub: z.string().min(1).max(200),
    role: TokenRole,
    agency_id: z.string().min(1).max(100).optional(),
  })
  .refine((claims) => claims.role !== 'agency_officer' || claims.agency_id !== undefined, {
    message: 'an agency_officer token must carry agency_id',
    path: ['agency_id'],
  });
export type TokenClaims = z.infer<typeof TokenClaims>;

export function actorFromClaims(claims: TokenClaims): Actor {
  return { id: claims.sub, role: claims.role, ...(claims.agency_id === undefined ? {} : { agencyId: claims.agency_id }) };
}
