import type { Server, ServerResponse } from 'node:http';
import type { Logger } from './logger';

export interface Drain {
  /** True once a signal arrived: /readyz then answers 503, so a load balancer stops sending. */
  isDraining(): boolean;
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let every request in flight finish
 * (its answer tells the client to close the connection), then run `afterDrain` (stop
 * background work, projections, the ledger) and exit. A command whose response was sent
 * was appended before it was sent, so nothing accepted is lost. Requests still running
 * after `graceMs` have their connections cut: the client sees an error, never a false success,
 * and its retry with the same Idempotency-Key finds whatever was appended.
 */
export function drainOnSignals(server: Server, options: { readonly graceMs: number; readonly logger: Logger; readonly afterDrain: () => Promise<void> }): Drain {
  let draining = false;
  // Responses not yet started: each tells its client to close the connection once drain begins.
  const unanswered = new Set<ServerResponse>();
  const closeAfter = (res: ServerResponse): void => {
    if (!res.headersSent) res.setHeader('connection', 'close');
  };
  server.on('request', (_req, res: ServerResponse) => {
    if (draining) return closeAfter(res);
    unanswered.add(res);
    res.once('finish', () => unanswered.delete(res));
    res.once('close', () => unanswered.delete(res));
  });
  const drain = (signal: NodeJS.Signals): void => {
    if (draining) return;
    draining = true;
    unanswered.forEach(closeAfter);
    options.logger.info({ signal }, 'draining: no new connections; finishing requests in flight');
    const cut = setTimeout(() => {
      options.logger.warn({ graceMs: options.graceMs }, 'grace period over: closing the connections still open');
      server.closeAllConnections();
    }, options.graceMs);
    cut.unref();
    server.close(() => {
      clearTimeout(cut);
      options
        .afterDrain()
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          options.logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        });
    });
    // Keep-alive connections waiting for their next request would hold close() open.
    server.closeIdleConnections();
  };
  process.once('SIGTERM', drain);
  process.once('SIGINT', drain);
  return { isDraining: () => draining };
}
