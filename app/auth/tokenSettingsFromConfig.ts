import type { Config } from '../config';
import { ensureDevSigningKey, type DevSigningKey } from './devSigningKey';
import { publicKeyFromPem, type TokenVerifierSettings } from './tokenVerifier';

export interface ResolvedTokenSettings {
  readonly settings: TokenVerifierSettings;
  /** Set when the embedded development key pair is in use (then the CLI and the portal's development login mint tokens). */
  readonly devKey?: DevSigningKey;
}

/** A configured public key or JWKS URL; otherwise (embedded default only) the development pair. */
export function tokenSettingsFromConfig(config: Config): ResolvedTokenSettings {
  const common = {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    algorithms: config.JWT_ALGORITHMS,
    clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
  };
  if (config.JWT_PUBLIC_KEY !== undefined) return { settings: { ...common, key: { publicKey: publicKeyFromPem(config.JWT_PUBLIC_KEY) } } };
  if (config.JWT_JWKS_URL !== undefined) return { settings: { ...common, key: { jwksUrl: config.JWT_JWKS_URL } } };
  const devKey = ensureDevSigningKey(config.DATA_DIR);
  return { settings: { ...common, key: { publicKey: devKey.publicKey } }, devKey };
}
