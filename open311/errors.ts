import type { NextFunction, Request, Response } from 'express';
import { HttpProblem } from '../app/http/httpProblem';
import { requestIdOf } from '../app/http/requestIds';
import type { Logger } from '../app/logger';
import { sendOpen311, type Open311Format } from './format';

/** One GeoReport v2 error: `code` is the HTTP status, `description` says what to fix. */
export interface Open311ErrorItem {
  readonly code: number;
  readonly description: string;
}

/** Thrown by the Open311 routes; the router answers with the spec's `errors` document in the format asked for. */
export class Open311Error extends Error {
  override readonly name = 'Open311Error';
  constructor(
    readonly status: number,
    readonly descriptions: readonly string[],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(descriptions.join('; '));
  }
}

export const notFound = (what: string): Open311Error => new Open311Error(404, [what]);

/** The format of the resource named by the path: `.xml` asks for XML, anything else gets JSON. */
export const formatOfPath = (path: string): Open311Format => (path.endsWith('.xml') ? 'xml' : 'json');

const errorType = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' ? (error as { type: string }).type : undefined;

const clientStatusOf = (error: unknown): number | undefined => {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
};

/** Any failure as an Open311 error: the spec's own, the shared plumbing's problems (400 with fields, 429), body-parser's, else a 500. */
function asOpen311Error(error: unknown): Open311Error | undefined {
  if (error instanceof Open311Error) return error;
  if (error instanceof HttpProblem) {
    const { problem } = error;
    const descriptions = problem.errors?.map((e) => `${e.path}: ${e.message}`) ?? [problem.detail ?? problem.title];
    return new Open311Error(problem.status, descriptions, error.headers);
  }
  // body-parser's errors carry their 4xx status: too large, too many fields, an unsupported charset.
  const status = clientStatusOf(error);
  if (status !== undefined) return new Open311Error(status, [`the form cannot be read (${errorType(error) ?? 'bad request'})`]);
  return undefined;
}

/** The Open311 router's error handler: errors in the spec's shape and format, never a stack trace. */
export function open311ErrorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) {
      res.end();
      return;
    }
    let known = asOpen311Error(error);
    if (known === undefined) {
      logger.error({ err: error, requestId: requestIdOf(req), method: req.method, path: req.path }, 'unexpected error');
      known = new Open311Error(500, [`internal error (request id ${requestIdOf(req)})`]);
    }
    res.set(known.headers);
    sendOpen311(res, formatOfPath(req.path), { status: known.status, root: 'errors', body: known.descriptions.map((description) => ({ code: known.status, description })) });
  };
}
