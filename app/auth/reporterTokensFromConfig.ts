import { ConfigError, type Config } from '../config';
import { resolveMasterKey } from '../masterKey';
import { verifierByIssuer } from './issuerVerifier';
import { reporterSigningKey } from './reporterSigningKey';
import { reporterTokens, type ReporterTokens } from './reporterTokens';
import { createTokenVerifier, type TokenVerifier, type TokenVerifierSettings } from './tokenVerifier';

export interface AcceptedTokens {
  /** Staff tokens of JWT_ISSUER and reporter tokens of REPORTER_JWT_ISSUER. */
  readonly verifyToken: TokenVerifier;
  readonly reporterTokens: ReporterTokens;
}

/** The reporter token issuer of the configuration, and a verifier accepting it beside the staff issuer. */
export function acceptedTokensFromConfig(config: Config, staff: TokenVerifierSettings): AcceptedTokens {
  if (config.REPORTER_JWT_ISSUER === config.JWT_ISSUER) {
    throw new ConfigError('configuration error: REPORTER_JWT_ISSUER: must differ from JWT_ISSUER (reporter tokens are verified with a key of their own)');
  }
  const reporter = reporterTokens({
    issuer: config.REPORTER_JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    key: reporterSigningKey(config.REPORTER_JWT_PRIVATE_KEY, resolveMasterKey(config.VAULT_MASTER_KEY, config.DATA_DIR)),
    ttlSeconds: config.REPORTER_TOKEN_TTL_SECONDS,
    clockToleranceSeconds: config.JWT_CLOCK_TOLERANCE_SECONDS,
  });
  const verifyToken = verifierByIssuer(
    new Map([
      [config.JWT_ISSUER, createTokenVerifier(staff)],
      [config.REPORTER_JWT_ISSUER, reporter.verify],
    ]),
  );
  return { verifyToken, reporterTokens: reporter };
}
