import type { EventStore } from '../eventstore/port';
import type { PersonalDataOpener } from '../projections/projection';
import { allProjections, collectionCatalog } from '../projections/catalog';
import { catchUp } from '../projections/runner/catchUp';
import { MongoReadModelStore } from '../projections/store/mongodb/mongoReadModelStore';
import { openMongoDatabase } from '../projections/store/mongodb/openMongoDatabase';

export interface MongoCatchUpResult {
  /** Ledger events applied per second, summed over the four projections (as pg_events_per_s). */
  readonly eventsPerSecond: number;
  readonly ledgerEvents: number;
  readonly seconds: number;
}

/**
 * The MongoDB part of bench:projections: every projection catches up from the start of the
 * ledger into a fresh database, up to `eventLimit` ledger events each (FerretDB is slower
 * than PostgreSQL, so the whole 100k ledger would take long), then the database is dropped.
 */
export async function measureMongoCatchUp(
  dependencies: { readonly events: EventStore; readonly personalData: PersonalDataOpener },
  options: { readonly url: string; readonly eventLimit: number; readonly batchSize: number; readonly log: (line: string) => void },
): Promise<MongoCatchUpResult> {
  const database = `bench_projections_${process.pid}_${Date.now()}`;
  const store = await MongoReadModelStore.open({ url: options.url, database, catalog: collectionCatalog });
  try {
    const started = Date.now();
    let applied = 0;
    for (const projection of allProjections) {
      const slot = { projection: projection.name, generation: 1 };
      await store.beginGeneration(slot, projection.version);
      const projectionStarted = Date.now();
      let read = 0;
      await catchUp({ ...dependencies, store }, projection, slot, {
        batchSize: options.batchSize,
        shouldStop: () => read >= options.eventLimit,
        onBatch: (progress) => (read = progress.eventsRead),
      });
      const seconds = (Date.now() - projectionStarted) / 1000;
      options.log(`mongo ${projection.name}: ${read} events in ${seconds.toFixed(1)} s (${Math.round(read / seconds)} events/s)`);
      applied += read;
    }
    const seconds = (Date.now() - started) / 1000;
    return { eventsPerSecond: applied / seconds, ledgerEvents: applied / allProjections.length, seconds };
  } finally {
    await store.close();
    const { client, db } = await openMongoDatabase(options.url, database);
    await db.dropDatabase();
    await client.close();
  }
}
