import type { KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { JwtAlgorithm } from './jwtConfig';
import { TokenClaims } from './tokenClaims';

export interface TokenRequest {
  readonly claims: TokenClaims;
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
  readonly algorithm: JwtAlgorithm;
  readonly privateKey: KeyObject;
  readonly now?: Date;
}

/** Signs a token with the claims the API reads (development and tests; production tokens come from SSO). */
export async function mintToken(request: TokenRequest): Promise<string> {
  const { sub, ...claims } = TokenClaims.parse(request.claims);
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: request.algorithm, typ: 'JWT' })
    .setSubject(sub)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + request.ttlSeconds)
    .sign(request.privateKey);
}
