import { randomBytes } from 'node:crypto';
import type { EventStore } from '../eventstore/port';
import type { PersonalDataOpener } from '../projections/projection';
import { allProjections, collectionCatalog } from '../projections/catalog';
import { catchUpTogether } from '../projections/runner/catchUp';
import { MongoReadModelStore } from '../projections/store/mongodb/mongoReadModelStore';
import { openMongoDatabase } from '../projections/store/mongodb/openMongoDatabase';

export interface MongoCatchUpResult {
  /** Ledger events applied per second, summed over the projections (as pg_events_per_s). */
  readonly eventsPerSecond: number;
  readonly ledgerEvents: number;
  readonly seconds: number;
}

/**
 * The MongoDB part of bench:projections: every projection catches up together from the
 * start of the ledger into a fresh database, up to `eventLimit` ledger events (FerretDB is
 * slower than PostgreSQL, so the whole ledger could take long), then the database is dropped.
 */
export async function measureMongoCatchUp(
  dependencies: { readonly events: EventStore; readonly personalData: PersonalDataOpener },
  options: { readonly url: string; readonly eventLimit: number; readonly batchSize: number; readonly onProgress: (ledgerEvents: number, seconds: number) => void },
): Promise<MongoCatchUpResult> {
  const database = `bench_projections_${randomBytes(4).toString('hex')}`;
  const store = await MongoReadModelStore.open({ url: options.url, database, catalog: collectionCatalog });
  try {
    const members = allProjections.map((projection) => ({ projection, slot: { projection: projection.name, generation: 1 } }));
    for (const { projection, slot } of members) await store.beginGeneration(slot, projection.version);
    const started = Date.now();
    let ledgerEvents = 0;
    const read = await catchUpTogether({ ...dependencies, store }, members, {
      batchSize: options.batchSize,
      shouldStop: () => ledgerEvents >= options.eventLimit,
      onBatch: (progress) => {
        if (progress.slot.projection !== members[0]!.slot.projection) return;
        ledgerEvents = progress.eventsRead;
        options.onProgress(ledgerEvents, (Date.now() - started) / 1000);
      },
    });
    const seconds = (Date.now() - started) / 1000;
    const applied = [...read.values()].reduce((sum, n) => sum + n, 0);
    return { eventsPerSecond: applied / seconds, ledgerEvents, seconds };
  } finally {
    await store.close();
    const { client, db } = await openMongoDatabase(options.url, database);
    await db.dropDatabase();
    await client.close();
  }
}
