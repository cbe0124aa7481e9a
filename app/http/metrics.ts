import { Router } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from '../logger';
import type { OutcomeObserver } from './requestOutcome';

/** The part of a projection's lag that /metrics exports (see projections/runner/projectionLag.ts). */
export interface ProjectionLagSample {
  readonly projection: string;
  readonly eventsBehind: number;
  readonly secondsBehind: number;
  readonly poisonedEvents: number;
}

export type ProjectionStatus = () => Promise<readonly ProjectionLagSample[]>;

export interface Metrics {
  readonly observe: OutcomeObserver;
  /** `GET /metrics` in the Prometheus text format. */
  readonly router: Router;
}

/**
 * One registry per app (prom-client's global one would make a second app in the same
 * process, as in tests, fail on duplicate metric names and mix their numbers).
 */
export function createMetrics(options: { readonly logger: Logger; readonly projectionStatus?: ProjectionStatus | undefined }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status class',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  // Bounded: route templates, not paths (requestOutcome.ts), times methods and status classes.
  const seriesByKey = new Map<string, ReturnType<typeof requestDuration.labels>>();
  const lagGauge = (name: string, help: string): Gauge<'projection'> =>
    new Gauge({ name, help, labelNames: ['projection'] as const, registers: [registry] });
  const lag = {
    eventsBehind: lagGauge('lapor_projection_events_behind', 'Ledger events not yet applied by the projection (counted up to a cap)'),
    secondsBehind: lagGauge('lapor_projection_seconds_behind', 'Age in seconds of the oldest event the projection has not applied'),
    poisonedEvents: lagGauge('lapor_projection_poisoned_events', 'Events the projection set aside as unprocessable'),
  };

  // Lag is read once per scrape (it queries the stores), not once per gauge.
  const refreshLag = async (): Promise<void> => {
    if (options.projectionStatus === undefined) return;
    for (const gauge of Object.values(lag)) gauge.reset();
    try {
      for (const sample of await options.projectionStatus()) {
        const labels = { projection: sample.projection };
        lag.eventsBehind.set(labels, sample.eventsBehind);
        lag.secondsBehind.set(labels, sample.secondsBehind);
        lag.poisonedEvents.set(labels, sample.poisonedEvents);
      }
    } catch (error) {
      // The other metrics are still worth serving; missing lag series show up in absent() alerts.
      options.logger.warn({ component: 'metrics', err: error }, 'projection status unavailable');
    }
  };

  const router = Router();
  router.get('/metrics', async (_req, res) => {
    await refreshLag();
    res.type(registry.contentType).send(await registry.metrics());
  });

  return {
    router,
    observe: (outcome) => {
      const statusClass = outcome.aborted ? 'aborted' : `${Math.floor(outcome.status / 100)}xx`;
      const key = `${outcome.method} ${outcome.route} ${statusClass}`;
      // prom-client hashes a label object on every observe; the series of a key is looked up once.
      let series = seriesByKey.get(key);
      if (series === undefined) {
        series = requestDuration.labels({ method: outcome.method, route: outcome.route, status_class: statusClass });
        seriesByKey.set(key, series);
      }
      series.observe(outcome.durationSeconds);
    },
  };
}
