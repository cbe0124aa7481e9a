import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { HttpProblem } from './httpProblem';
import { problem } from './problem';

const JSON_TYPES = ['application/json', 'application/*+json'];

/** Whether bytes follow the headers (an explicit `Content-Length: 0` is no body). */
const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/** A body in another format would silently parse as "no body"; refuse it instead. */
function requireJsonContentType(req: Request, _res: Response, next: NextFunction): void {
  if (hasBody(req) && !req.is(JSON_TYPES)) {
    next(new HttpProblem(problem(415, 'unsupported_media_type', 'The request body must be JSON', { detail: 'send Content-Type: application/json' })));
    return;
  }
  next();
}

const rawBodies = new WeakMap<Request, Buffer>();

/** The body's bytes as received: webhook signatures are over these, never over re-serialised JSON. */
export const rawBodyOf = (req: Request): Buffer | undefined => rawBodies.get(req);

/** JSON bodies only, objects and arrays only, at most `limit` (e.g. '100kb'). */
export function jsonBody(limit: string): RequestHandler[] {
  const keepRawBody = (req: Request, _res: Response, bytes: Buffer): void => void rawBodies.set(req, bytes);
  return [requireJsonContentType, express.json({ limit, strict: true, type: JSON_TYPES, verify: keepRawBody })];
}
