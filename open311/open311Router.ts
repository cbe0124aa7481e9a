import express, { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { parseInput } from '../app/http/validation';
import type { Logger } from '../app/logger';
import type { AgencyRegistry } from '../domain/routing';
import type { ReadModelReader } from '../projections/store/readModelReader';
import { discoveryDocument } from './discovery';
import { notFound, open311ErrorHandler } from './errors';
import { OPEN311_FORMATS, sendOpen311, type Open311Answer } from './format';
import { CommonQuery, OPEN311_BASE, ServiceCodeParams, ServiceRequestParams } from './parameters';
import { postServiceRequest, type PostServiceRequestDependencies } from './postServiceRequest';
import { publicCase, publicCasesIn } from './publicRequests';
import { RequestsQuery, windowOf } from './requestQuery';
import { open311Request } from './serviceRequest';
import { open311Services, serviceDefinition, serviceNamed } from './services';

export interface Open311Dependencies extends PostServiceRequestDependencies {
  readonly reader: ReadModelReader;
  readonly agencies: AgencyRegistry;
  readonly logger: Logger;
}

type Answer = (req: Request) => Promise<Open311Answer>;

/** One resource in both formats: `/x.json` and `/x.xml`. */
function both(router: Router, method: 'get' | 'post', path: string, answer: Answer, before: RequestHandler[] = []): void {
  for (const format of OPEN311_FORMATS) {
    router[method](`${OPEN311_BASE}${path}.${format}`, ...before, async (req: Request, res: Response) => sendOpen311(res, format, await answer(req)));
  }
}

/** A description of 4,000 characters and the other fields fit many times over. */
const FORM_LIMIT = '64kb';

/**
 * GeoReport v2 under /open311/v2 (http://wiki.open311.org/GeoReport_v2): discovery, services,
 * service definitions, POST and GET requests, each as .json and .xml, errors in the spec's
 * shape. Reads come from the public read model; filing goes through the intake command path.
 */
export function open311Router(deps: Open311Dependencies): Router {
  const router = Router();

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

  both(router, 'post', '/requests', postServiceRequest(deps), [express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 100 })]);

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

