import { mintToken } from './mintToken';
import type { SigningKeyPair } from './reporterSigningKey';
import { createTokenVerifier, InvalidToken, type TokenVerifier } from './tokenVerifier';

export interface ReporterTokenSettings {
  readonly issuer: string;
  readonly audience: string;
  readonly key: SigningKeyPair;
  readonly ttlSeconds: number;
  readonly clockToleranceSeconds: number;
  /** For tests: the instant tokens are issued and checked at. */
  readonly now?: () => Date;
}

export interface IssuedToken {
  readonly token: string;
  readonly expiresInSeconds: number;
}

/** The API's own tokens for signed-in reporters: the staff token form, signed with EdDSA. */
export interface ReporterTokens {
  issue(reporterId: string): Promise<IssuedToken>;
  /** Accepts this issuer's tokens with the reporter role only: the key can never stand in for staff. */
  readonly verify: TokenVerifier;
}

export function reporterTokens(settings: ReporterTokenSettings): ReporterTokens {
  const verify = createTokenVerifier({
    issuer: settings.issuer,
    audience: settings.audience,
    algorithms: ['EdDSA'],
    key: { publicKey: settings.key.publicKey },
    clockToleranceSeconds: settings.clockToleranceSeconds,
    ...(settings.now === undefined ? {} : { now: settings.now }),
  });
  return {
    async issue(reporterId) {
      const token = await mintToken({
        claims: { sub: reporterId, role: 'reporter' },
        issuer: settings.issuer,
        audience: settings.audience,
        ttlSeconds: settings.ttlSeconds,
        algorithm: 'EdDSA',
        privateKey: settings.key.privateKey,
        ...(settings.now === undefined ? {} : { now: settings.now() }),
      });
      return { token, expiresInSeconds: settings.ttlSeconds };
    },
    async verify(token) {
      const actor = await verify(token);
      if (actor.role !== 'reporter') throw new InvalidToken("the token's role claim is not accepted");
      return actor;
    },
  };
}
