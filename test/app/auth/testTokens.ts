import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mintToken } from '../../../app/auth/mintToken';
import type { TokenClaims } from '../../../app/auth/tokenClaims';
import { createTokenVerifier, type TokenVerifier } from '../../../app/auth/tokenVerifier';

export const TEST_ISSUER = 'lapor-test';
export const TEST_AUDIENCE = 'lapor-api-test';

/** A key pair of the test "SSO", and tokens it signs. */
export interface TestTokens {
  readonly verify: TokenVerifier;
  readonly publicKey: KeyObject;
  readonly privateKey: KeyObject;
  token(claims: TokenClaims, overrides?: { ttlSeconds?: number; audience?: string; issuer?: string; privateKey?: KeyObject; now?: Date }): Promise<string>;
}

export function createTestTokens(): TestTokens {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const verify = createTokenVerifier({ issuer: TEST_ISSUER, audience: TEST_AUDIENCE, algorithms: ['EdDSA'], key: { publicKey }, clockToleranceSeconds: 5 });
  return {
    verify,
    publicKey,
    privateKey,
    token: (claims, overrides = {}) =>
      mintToken({
        claims,
        issuer: overrides.issuer ?? TEST_ISSUER,
        audience: overrides.audience ?? TEST_AUDIENCE,
        ttlSeconds: overrides.ttlSeconds ?? 600,
        algorithm: 'EdDSA',
        privateKey: overrides.privateKey ?? privateKey,
        ...(overrides.now === undefined ? {} : { now: overrides.now }),
      }),
  };
}

/** An unsigned token (`alg: none`), as an attacker would forge it. */
export function unsignedToken(claims: Record<string, unknown>): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.`;
}
