import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';
import { HttpProblem } from './httpProblem';
import { problemResult, type HttpResult } from './httpResult';
import { problem } from './problem';
import { requestIdOf } from './requestIds';
import { sendResult } from './sendResult';

/** body-parser's error types, as client mistakes. */
const BODY_ERRORS: Readonly<Record<string, HttpResult>> = {
  'entity.parse.failed': problemResult(problem(400, 'malformed_json', 'The request body is not valid JSON')),
  'entity.too.large': problemResult(problem(413, 'body_too_large', 'The request body is too large')),
  'encoding.unsupported': problemResult(problem(415, 'unsupported_encoding', 'The request body encoding is not supported')),
  'charset.unsupported': problemResult(problem(415, 'unsupported_charset', 'The request body charset is not supported')),
};

const errorType = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' ? (error as { type: string }).type : undefined;

const clientStatus = (error: unknown): number | undefined => {
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
};

/** Turns any error into a problem response: client errors as 4xx, everything else as a 500 without internals. */
export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) {
      logger.error({ err: error, requestId: requestIdOf(req) }, 'error after the response started');
      res.end();
      return;
    }
    if (error instanceof HttpProblem) {
      if (error.problem.status >= 500) logger.error({ err: error.cause ?? error, requestId: requestIdOf(req), method: req.method, path: req.path }, error.problem.title);
      return sendResult(res, problemResult(error.problem, error.headers));
    }
    const known = BODY_ERRORS[errorType(error) ?? ''];
    if (known) return sendResult(res, known);
    const status = clientStatus(error);
    if (status !== undefined) return sendResult(res, problemResult(problem(status, 'bad_request', 'The request cannot be processed')));
    logger.error({ err: error, requestId: requestIdOf(req), method: req.method, path: req.path }, 'unexpected error');
    sendResult(res, problemResult(problem(500, 'internal_error', 'Internal server error', { detail: `request id ${requestIdOf(req)}` })));
  };
}

export function notFound(req: Request, res: Response): void {
  sendResult(res, problemResult(problem(404, 'not_found', 'No such resource', { detail: `${req.method} ${req.path}` })));
}
