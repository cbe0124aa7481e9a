import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import type { Actor } from '../../eventstore/metadata';
import type { JwtAlgorithm } from './jwtConfig';
import { actorFromClaims, TokenClaims } from './tokenClaims';

export interface TokenVerifierSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly algorithms: readonly JwtAlgorithm[];
  /** A public key, or a JWKS endpoint (a government SSO rotates its keys there). */
  readonly key: { readonly publicKey: KeyObject } | { readonly jwksUrl: string };
  readonly clockToleranceSeconds: number;
  /** For tests: the instant tokens are checked at. */
  readonly now?: () => Date;
}

/** Why a bearer token was refused; the message is safe to show (no key material). */
export class InvalidToken extends Error {
  override readonly name = 'InvalidToken';
}

export type TokenVerifier = (token: string) => Promise<Actor>;

export function createTokenVerifier(settings: TokenVerifierSettings): TokenVerifier {
  const verify = verifierFor(settings.key);
  return async (token) => {
    let payload: unknown;
    try {
      ({ payload } = await verify(token, {
        algorithms: [...settings.algorithms],
        issuer: settings.issuer,
        audience: settings.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: settings.clockToleranceSeconds,
        ...(settings.now === undefined ? {} : { currentDate: settings.now() }),
      }));
    } catch (error) {
      throw new InvalidToken(reasonOf(error));
    }
    const claims = TokenClaims.safeParse(payload);
    if (!claims.success) throw new InvalidToken(`token claims are invalid: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return actorFromClaims(claims.data);
  };
}

/** jwtVerify's two overloads (a key, or a key resolver) behind one signature. */
function verifierFor(key: TokenVerifierSettings['key']): (token: string, options: JWTVerifyOptions) => Promise<{ payload: unknown }> {
  if ('publicKey' in key) return (token, options) => jwtVerify(token, key.publicKey, options);
  const jwks: JWTVerifyGetKey = createRemoteJWKSet(new URL(key.jwksUrl));
  return (token, options) => jwtVerify(token, jwks, options);
}

/** jose's own messages can echo claim values; keep to a fixed vocabulary. */
function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm that is not accepted';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'no key of the issuer matches the token';
  return 'the token is malformed or not verifiable';
}

export const publicKeyFromPem = (pem: string): KeyObject => createPublicKey(pem);
