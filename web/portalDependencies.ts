import type { TokenVerifier } from '../app/auth/tokenVerifier';
import type { TokenClaims } from '../app/auth/tokenClaims';
import type { Logger } from '../app/logger';
import type { AgencyRegistry } from '../domain/routing';
import type { PortalApi } from './http/portalApi';

export interface PortalDependencies {
  readonly api: PortalApi;
  readonly verifyToken: TokenVerifier;
  readonly agencies: AgencyRegistry;
  readonly logger: Logger;
  /**
   * Mints a token for a chosen role and agency: only on the embedded default (the
   * development key pair in DATA_DIR), never when an SSO issues the tokens.
   */
  readonly devLogin?: (claims: TokenClaims) => Promise<string>;
}
