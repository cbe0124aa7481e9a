import express, { type Express, type Router } from 'express';
import type { Logger } from '../logger';
import { errorHandler, notFound } from './errorHandler';
import { healthRoutes, type Readiness } from './healthRoutes';
import { jsonBody } from './jsonBody';
import { createMetrics, type ProjectionStatus } from './metrics';
import { assignRequestId } from './requestIds';
import { requestLog } from './requestLog';
import { securityHeaders } from './securityHeaders';
import { observeRequests } from './requestOutcome';

export interface AppOptions {
  readonly logger: Logger;
  readonly checkReadiness: () => Promise<Readiness>;
  /** The API's routers (write side now; read side, channels later). */
  readonly routers: readonly Router[];
  /** Routers that parse their own bodies (Open311's form-encoded POST), mounted before the JSON-only body parser. */
  readonly formRouters?: readonly Router[];
  /** Largest JSON body accepted; a complaint's chronology is at most 10,000 characters. */
  readonly bodyLimit?: string;
  /** Projection lag for the /metrics gauges; without it they are not exported. */
  readonly projectionStatus?: ProjectionStatus;
  /** Which peers' X-Forwarded-For names the client (express's `trust proxy`); default loopback, where the portal and a local reverse proxy sit. */
  readonly trustProxy?: string;
}

/**
 * The express application, without listening: app/main.ts serves it, tests drive it with
 * supertest. Every answer that is not a success is a problem+json document.
 */
export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.set('trust proxy', options.trustProxy ?? 'loopback');
  const metrics = createMetrics({ logger: options.logger, projectionStatus: options.projectionStatus });
  app.use(securityHeaders());
  app.use(assignRequestId);
  app.use(observeRequests([requestLog(options.logger), metrics.observe]));
  app.use(healthRoutes(options.checkReadiness));
  app.use(metrics.router);
  for (const router of options.formRouters ?? []) app.use(router);
  app.use(jsonBody(options.bodyLimit ?? '100kb'));
  for (const router of options.routers) app.use(router);
  app.use(notFound);
  app.use(errorHandler(options.logger));
  return app;
}
