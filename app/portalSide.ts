import type { Router } from 'express';
import type { AgencyRegistry } from '../domain/routing';
import { createPortal } from '../web/portal';
import { portalApi } from '../web/http/portalApi';
import { DEV_TOKEN_ALGORITHM } from './auth/devSigningKey';
import { mintToken } from './auth/mintToken';
import type { TokenClaims } from './auth/tokenClaims';
import type { ResolvedTokenSettings } from './auth/tokenSettingsFromConfig';
import type { TokenVerifier } from './auth/tokenVerifier';
import type { Config } from './config';
import type { Logger } from './logger';

const DEV_SESSION_SECONDS = 8 * 3600;

export interface PortalSide {
  readonly router: Router;
  /** Where the portal reaches the API: set once the server listens. */
  listeningOn(port: number): void;
}

/** The web portal, calling this same server's API over loopback. */
export function createPortalSide(parts: {
  readonly config: Config;
  readonly tokens: ResolvedTokenSettings;
  readonly verifyToken: TokenVerifier;
  readonly agencies: AgencyRegistry;
  readonly logger: Logger;
}): PortalSide {
  const { config, tokens } = parts;
  let baseUrl = `http://127.0.0.1:${config.PORT}`;
  // A wildcard address is reachable on loopback; a specific one only on itself.
  const apiHost = ['0.0.0.0', '::', 'localhost'].includes(config.HOST) ? '127.0.0.1' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  const { devKey } = tokens;
  const devLogin =
    devKey === undefined
      ? undefined
      : (claims: TokenClaims) =>
          mintToken({ claims, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, ttlSeconds: DEV_SESSION_SECONDS, algorithm: DEV_TOKEN_ALGORITHM, privateKey: devKey.privateKey });
  const router = createPortal({
    api: portalApi(() => baseUrl),
    verifyToken: parts.verifyToken,
    agencies: parts.agencies,
    logger: parts.logger,
    ...(devLogin === undefined ? {} : { devLogin }),
  });
  return {
    router,
    listeningOn(port) {
      baseUrl = `http://${apiHost}:${port}`;
    },
  };
}
