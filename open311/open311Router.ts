import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { rateLimited } from '../app/http/rateLimit';
import { hourly, phoneSubject } from '../app/http/rateLimitRules';
import type { RateLimitStore } from '../app/http/rateLimitStore';
import { requestIdOf } from '../app/http/requestIds';
import { parseInput } from '../app/http/validation';
import type { Logger } from '../app/logger';
import { IdempotencyKeyHeader } from '../app/http/idempotency/idempotencyKey';
import type { AgencyRegistry } from '../domain/routing';
import type { ReadModelReader } from '../projections/store/readModelReader';
import type { Open311ApiKeys } from './apiKeys';
import { notFound, Open311Error, open311ErrorHandler } from './errors';
import { fileOpen311Request, type Open311IntakeDependencies } from './filing';
import { OPEN311_FORMATS, sendOpen311, type Open311Answer } from './format';
import { discoveryDocument } from './discovery';
import { publicCase, publicCasesIn } from './publicRequests';
import { RequestsQuery, windowOf } from './requestQuery';
import { open311Request } from './serviceRequest';
import { open311Services, serviceDefinition, serviceNamed } from './services';
import { open311Submission } from './submission';

export const OPEN311_BASE = '/open311/v2';

export interface Open311Dependencies extends Open311IntakeDependencies {
  readonly reader: ReadModelReader;
  readonly agencies: AgencyRegistry;
  readonly apiKeys: Open311ApiKeys;
  readonly rateLimits: RateLimitStore;
  /** Complaints per hour per reporter phone, shared with the web form's allowance; none without. */
  readonly intakePerHour?: number;
  readonly defaultRegionCode: string;
  readonly clock: () => Date;
  readonly logger: Logger;
}

/** GETs take no parameters of their own but the spec's optional jurisdiction_id (and api_key, which some clients always send). */
export const CommonQuery = z.object({ jurisdiction_id: z.string().max(100).optional(), api_key: z.string().max(200).optional() }).strict();
export const ServiceCodeParams = z.object({ serviceCode: z.string().max(100) }).strict();
export const ServiceRequestParams = z.object({ serviceRequestId: z.string().max(100) }).strict();

type Answer = (req: Request) => Promise<Open311Answer>;

/** One resource in both formats: `/x.json` and `/x.xml`. */
function both(router: Router, method: 'get' | 'post', path: string, answer: Answer, before: RequestHandler[] = []): void {
  for (const format of OPEN311_FORMATS) {
    router[method](`${OPEN311_BASE}${path}.${format}`, ...before, async (req: Request, res: Response) => sendOpen311(res, format, await answer(req)));
  }
}

const FORM_LIMIT = '64kb';

/**
 * GeoReport v2 under /open311/v2 (http://wiki.open311.org/GeoReport_v2): discovery, services,
 * service definitions, POST and GET requests, each as .json and .xml, errors in the spec's
 * shape. Reads come from the public read model; filing goes through the intake command path.
 */
export function open311Router(deps: Open311Dependencies): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 100 });

  both(router, 'get', '/discovery', async (req) => {
    parseInput(CommonQuery, req.query, 'query');
    return { status: 200, root: 'discovery', body: discoveryDocument(`${req.protocol}://${req.get('host') ?? 'localhost'}${OPEN311_BASE}`) };
  });

  both(router, 'get', '/services', async (req) => {
    parseInput(CommonQuery, req.query, 'query');
    return { status: 200, root: 'services', body: open311Services };
  });

  both(router, 'get', '/services/:serviceCode', async (req) => {
    parseInput(CommonQuery, req.query, 'query');
    const service = serviceNamed(parseInput(ServiceCodeParams, req.params, 'params').serviceCode);
    if (service === undefined) throw notFound('no service has this service_code');
    return { status: 200, root: 'service_definition', body: serviceDefinition(service) };
  });

  both(
    router,
    'post',
    '/requests',
    async (req) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const apiKey = typeof body.api_key === 'string' ? body.api_key : undefined;
      const client = apiKey === undefined ? undefined : await deps.apiKeys.verify(apiKey);
      if (client === undefined) throw new Open311Error(403, ['api_key is missing or not valid']);
      const allowance = await deps.rateLimits.take(hourly('open311-client', client.requestsPerHour), client.clientId);
      if (!allowance.allowed) throw rateLimited(allowance.retryAfterSeconds);
      // A service_code that names no service is a 404, as for its definition; a missing one is a 400 below.
      if (typeof body.service_code === 'string' && serviceNamed(body.service_code) === undefined) throw notFound('no service has this service_code');
      const submission = open311Submission(body, { receivedAt: deps.clock(), defaultRegionCode: deps.defaultRegionCode });
      const phone = submission.reporter?.phone;
      if (deps.intakePerHour !== undefined && phone !== undefined) {
        // The web form's per-phone bucket: one citizen's allowance, whichever door they use.
        const perPhone = await deps.rateLimits.take(hourly('intake-phone', deps.intakePerHour), phoneSubject(phone));
        if (!perPhone.allowed) throw rateLimited(perPhone.retryAfterSeconds);
      }
      const rawKey = req.get('idempotency-key');
      const idempotencyKey = rawKey === undefined ? undefined : parseInput(IdempotencyKeyHeader, { 'idempotency-key': rawKey }, 'headers')['idempotency-key'];
      const trackingId = await fileOpen311Request(deps, client, submission, { idempotencyKey, requestId: requestIdOf(req) });
      return { status: 200, root: 'service_requests', body: [{ service_request_id: trackingId, service_notice: SERVICE_NOTICE, account_id: null }] };
    },
    [form],
  );

  both(router, 'get', '/requests', async (req) => {
    const query = parseInput(RequestsQuery, req.query, 'query');
    const cases =
      query.service_request_id !== undefined
        ? // The spec: a list of ids overrides every other parameter; unknown and confidential ones are left out.
          (await Promise.all(query.service_request_id.map((id: string) => publicCase(deps.reader, id)))).filter((c) => c !== undefined)
        : await publicCasesIn(deps.reader, query, windowOf(query, deps.clock()));
    return { status: 200, root: 'service_requests', body: cases.map((c) => open311Request(c, deps.agencies)) };
  });

  both(router, 'get', '/requests/:serviceRequestId', async (req) => {
    parseInput(CommonQuery, req.query, 'query');
    const found = await publicCase(deps.reader, parseInput(ServiceRequestParams, req.params, 'params').serviceRequestId);
    if (found === undefined) throw notFound('no service request has this service_request_id');
    return { status: 200, root: 'service_requests', body: [open311Request(found, deps.agencies)] };
  });

  // Not mounted at OPEN311_BASE: that would prefix req.baseUrl to the route template the request log and metrics read.
  const ours = (req: Request): boolean => req.path.startsWith(`${OPEN311_BASE}/`);
  router.use((req, _res, next) => next(ours(req) ? notFound(`no such resource: ${req.method} ${req.path}`) : undefined));
  const handleError = open311ErrorHandler(deps.logger);
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => (ours(req) ? handleError(error, req, res, next) : next(error)));
  return router;
}

/** What a client may tell the citizen at once (the verification limit is in working days). */
export const SERVICE_NOTICE = 'Laporan diterima; admin SP4N-LAPOR! memverifikasinya dalam 3 hari kerja.';
