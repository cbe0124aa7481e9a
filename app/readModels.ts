import type { EventStore } from '../eventstore/port';
import type { SqlClient } from '../eventstore/postgres/sqlClient';
import type { PersonalDataVault } from '../eventstore/vault/personalDataVault';
import { allProjections } from '../projections/catalog';
import { openReadModelStore } from '../projections/openReadModelStore';
import { projectionLag, type ProjectionLag } from '../projections/runner/projectionLag';
import { ProjectionRunner, type ProjectionHealth } from '../projections/runner/projectionRunner';
import type { ReadModelStore } from '../projections/store/readModelStore';
import type { Config } from './config';
import type { Logger } from './logger';

export interface ReadModelStatus {
  readonly lag: ProjectionLag[];
  readonly health: ProjectionHealth[];
}

export interface ReadModels {
  readonly store: ReadModelStore;
  /** Lag and health of every projection, for /readyz and /metrics. */
  status(): Promise<ReadModelStatus>;
  /** True while every projection is within READY_MAX_LAG_SECONDS and none is failing. */
  isReady(status: ReadModelStatus): boolean;
  stop(): Promise<void>;
}

/** Opens the read-model store and, unless disabled, keeps the projections at the ledger's head. */
export async function startReadModels(
  ledger: { readonly store: EventStore; readonly sql: SqlClient; readonly vault: PersonalDataVault },
  config: Config,
  logger: Logger,
): Promise<ReadModels> {
  const store = await openReadModelStore({ readStoreUrl: config.READ_STORE_URL, sql: ledger.sql, schema: config.DATABASE_SCHEMA });
  const runner = new ProjectionRunner(
    { events: ledger.store, store, personalData: ledger.vault },
    { projections: allProjections, log: (line) => logger.warn({ component: 'projections' }, line) },
  );
  if (config.RUN_PROJECTIONS) runner.start();
  const status = async (): Promise<ReadModelStatus> => ({
    lag: await Promise.all(allProjections.map((p) => projectionLag(ledger.store, store, p.name))),
    health: runner.health(),
  });
  return {
    store,
    status,
    isReady: ({ lag, health }) => lag.every((l) => l.secondsBehind <= config.READY_MAX_LAG_SECONDS) && health.every((h) => h.lastError === undefined),
    stop: () => runner.stop(),
  };
}
