import type { Logger } from '../logger';
import type { OutcomeObserver } from './requestOutcome';

/** Probes and scrapes arrive every few seconds; at info they would drown the API's lines. */
const QUIET_ROUTES: ReadonlySet<string> = new Set(['/livez', '/readyz', '/metrics']);

/**
 * One structured line per request. Only the outcome is logged (id, method, route
 * template, status, duration): never the URL, query, headers or body, which can carry
 * tokens and reporters' personal data.
 */
export function requestLog(logger: Logger): OutcomeObserver {
  const log = logger.child({ component: 'http' });
  return (outcome) => {
    const line = {
      requestId: outcome.requestId,
      method: outcome.method,
      route: outcome.route,
      status: outcome.status,
      durationMs: Math.round(outcome.durationSeconds * 1e6) / 1e3,
      ...(outcome.aborted ? { aborted: true } : {}),
    };
    if (outcome.status >= 500) log.warn(line, 'request');
    else if (QUIET_ROUTES.has(outcome.route)) log.debug(line, 'request');
    else log.info(line, 'request');
  };
}
