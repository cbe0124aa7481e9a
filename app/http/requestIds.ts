import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const ids = new WeakMap<Request, string>();

/**
 * Every request gets an id (a gateway's X-Request-Id when it is well-formed): it is
 * echoed in the response, logged with errors, and becomes the correlation id of the
 * events the request causes.
 */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const offered = req.get('x-request-id');
  const id = offered !== undefined && REQUEST_ID.test(offered) ? offered : randomUUID();
  ids.set(req, id);
  res.setHeader('x-request-id', id);
  next();
}

export function requestIdOf(req: Request): string {
  return ids.get(req) ?? 'unknown';
}
