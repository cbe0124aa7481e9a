import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { PUBLIC_ACTOR, requireSignedIn, type Authenticator } from '../../app/http/authenticate';
import type { HttpResult } from '../../app/http/httpResult';
import { sendResult } from '../../app/http/sendResult';
import { parseInput } from '../../app/http/validation';
import type { Actor } from '../../eventstore/metadata';
import { expressPathOf, type RequestDescription, type RouteDescription } from './routeDescription';

type Parsed<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

/** A route's inputs, parsed by the schemas its description declares. */
export interface RouteInput<R extends RequestDescription> {
  readonly params: Parsed<R['params']>;
  readonly query: Parsed<R['query']>;
  readonly headers: Parsed<R['headers']>;
}

export interface RouteCall {
  /** PUBLIC_ACTOR on `auth: 'none'` routes (a token there is not even read). */
  readonly actor: Actor;
}

/** A route: its description (for the document) and the handler mounted from it. */
export interface DescribedRoute {
  readonly description: RouteDescription;
  readonly handler: RequestHandler;
}

/** A text answer (CSV, HTML): sent as it is, not as JSON. */
export const textResult = (status: number, text: string, contentType: string, headers: Readonly<Record<string, string>> = {}): HttpResult => ({
  status,
  body: text,
  headers: { ...headers, 'content-type': contentType },
});

/** JSON already serialised (a body its projection validated, served as stored): sent as it is. */
export const jsonTextResult = (status: number, json: string): HttpResult => textResult(status, json, 'application/json; charset=utf-8');

/** File bytes (an attachment): sent as they are, with the type the route names. */
export const binaryResult = (status: number, bytes: Buffer, contentType: string, headers: Readonly<Record<string, string>> = {}): HttpResult => ({
  status,
  body: bytes,
  headers: { ...headers, 'content-type': contentType },
});

function send(res: Response, result: HttpResult): void {
  const contentType = result.headers['content-type'];
  // A string that names its content type is already serialised (CSV, HTML, JSON as stored).
  if (Buffer.isBuffer(result.body) || (typeof result.body === 'string' && contentType !== undefined)) {
    res.status(result.status).set(result.headers).send(result.body);
    return;
  }
  sendResult(res, result);
}

/** Only the headers the route names, so that the strict schema does not trip over a browser's others. */
function namedHeaders(req: Request, schema: z.ZodObject): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(schema.shape).map((name) => [name, req.get(name)]));
}

async function actorOf(req: Request, description: RouteDescription, authenticate: Authenticator | undefined): Promise<Actor> {
  if (description.auth === 'none') return PUBLIC_ACTOR;
  if (authenticate === undefined) throw new Error(`route ${description.operationId} authenticates but was given no authenticator`);
  const actor = await authenticate(req);
  if (description.auth === 'bearer') requireSignedIn(actor);
  return actor;
}

/**
 * A GET route built from its description: the described schemas parse params, query and
 * headers (400 with field paths), the description's `auth` decides authentication, then
 * `handle` answers with a value. The description is what the OpenAPI document shows.
 */
export function describedRoute<R extends RequestDescription>(
  description: RouteDescription & { readonly method: 'get'; readonly request?: R },
  handle: (input: RouteInput<R>, call: RouteCall) => Promise<HttpResult>,
  authenticate?: Authenticator,
): DescribedRoute {
  const request: RequestDescription = description.request ?? {};
  const handler: RequestHandler = async (req, res) => {
    const actor = await actorOf(req, description, authenticate);
    const input = {
      params: request.params ? parseInput(request.params, req.params, 'params') : {},
      query: request.query ? parseInput(request.query, req.query, 'query') : {},
      headers: request.headers ? parseInput(request.headers, namedHeaders(req, request.headers), 'headers') : {},
    } as RouteInput<R>;
    send(res, await handle(input, { actor }));
  };
  return { description, handler };
}

/** An express router with every route mounted at its described method and path. */
export function describedRouter(routes: readonly DescribedRoute[]): Router {
  const router = Router();
  for (const { description, handler } of routes) router[description.method](expressPathOf(description.path), handler);
  return router;
}
