import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { requestIdOf } from './requestIds';

/** What logs and metrics may know about a finished request: no URL, query, headers or body. */
export interface RequestOutcome {
  readonly requestId: string;
  readonly method: string;
  /** The matched route's template (`/api/complaints/:id`), or `unmatched`; never the raw path. */
  readonly route: string;
  readonly status: number;
  readonly durationSeconds: number;
  /** The client went away before the response was written in full. */
  readonly aborted: boolean;
}

export type OutcomeObserver = (outcome: RequestOutcome) => void;

export const UNMATCHED_ROUTE = 'unmatched';

/**
 * The template of the route that answered. Raw paths would put complaint ids (personal
 * data by association) into logs and give metrics unbounded label cardinality.
 * `baseUrl` is only intact while the response is written inside its router; the API's
 * routers are mounted at the root, so the template is complete either way.
 */
export function routeTemplateOf(req: Request): string {
  const path: unknown = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path !== 'string') return UNMATCHED_ROUTE;
  return `${req.baseUrl}${path}`;
}

/**
 * Calls every observer once per request, when the response is closed: node emits `close`
 * once, after `finish` or when the connection went away first (then it is aborted).
 */
export function observeRequests(observers: readonly OutcomeObserver[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('close', () => {
      const outcome: RequestOutcome = {
        requestId: requestIdOf(req),
        method: req.method,
        route: routeTemplateOf(req),
        status: res.statusCode,
        durationSeconds: Number(process.hrtime.bigint() - started) / 1e9,
        aborted: !res.writableFinished,
      };
      for (const observe of observers) observe(outcome);
    });
    next();
  };
}
