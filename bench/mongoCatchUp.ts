import { randomBytes } from 'node:crypto';
import type { EventStore } from '../eventstore/port';
import type { PersonalDataOpener } from '../projections/projection';
import { allProjections, collectionCatalog } from '../projections/catalog';
import { catchUpTogether } from '../projections/runner/catchUp';
import { MongoReadModelStore } from '../projections/store/mongodb/mongoReadModelStore';
import { openMongoDatabase } from '../projections/store/mongodb/openMongoDatabase';
import { ferretdbPidFor } from './ferretdbPid';
import { cpuSecondsOf } from './httpCpu';

export interface MongoCatchUpResult {
  /** Ledger events per second (each applied by every projection), as pg_events_per_s. */
  readonly eventsPerSecond: number;
  /** Applications per second, summed over the projections. */
  readonly appliedPerSecond: number;
  readonly ledgerEvents: number;
  readonly seconds: number;
  /** CPU seconds of this node process during the catch-up (it also reads the ledger from PostgreSQL). */
  readonly nodeCpuSeconds: number;
  /** CPU seconds of the MongoDB server process, when it runs on this machine (see ferretdbPidFor). */
  readonly serverCpuSeconds: number | undefined;
}

/**
 * The MongoDB part of bench:projections: every projection catches up together from the
 * start of the ledger into a fresh database, up to `eventLimit` ledger events (FerretDB is
 * slower than PostgreSQL, so the whole ledger could take long), and is promoted (which builds
 * its indexes), then the database is dropped.
 * CPU time is measured beside the rate: on a shared machine it is the figure that compares runs.
 */
export async function measureMongoCatchUp(
  dependencies: { readonly events: EventStore; readonly personalData: PersonalDataOpener },
  options: { readonly url: string; readonly eventLimit: number; readonly batchSize: number | undefined; readonly onProgress: (ledgerEvents: number, seconds: number) => void },
): Promise<MongoCatchUpResult> {
  const serverPid = ferretdbPidFor(options.url);
  const database = `bench_projections_${randomBytes(4).toString('hex')}`;
  const store = await MongoReadModelStore.open({ url: options.url, database, catalog: collectionCatalog });
  try {
    const members = allProjections.map((projection) => ({ projection, slot: { projection: projection.name, generation: 1 } }));
    for (const { projection, slot } of members) await store.beginGeneration(slot, projection.version);
    const started = Date.now();
    const nodeCpuBefore = process.cpuUsage();
    const serverCpuBefore = serverPid === undefined ? 0 : cpuSecondsOf(serverPid);
    let ledgerEvents = 0;
    const read = await catchUpTogether({ ...dependencies, store }, members, {
      batchSize: options.batchSize ?? store.preferredBatchSize,
      shouldStop: () => ledgerEvents >= options.eventLimit,
      onBatch: (progress) => {
        if (progress.slot.projection !== members[0]!.slot.projection) return;
        ledgerEvents = progress.eventsRead;
        options.onProgress(ledgerEvents, (Date.now() - started) / 1000);
      },
    });
    // A generation's declared indexes are built when it is promoted: their cost counts here too.
    for (const { slot } of members) await store.promoteGeneration(slot);
    const seconds = (Date.now() - started) / 1000;
    const nodeCpu = process.cpuUsage(nodeCpuBefore);
    const applied = [...read.values()].reduce((sum, n) => sum + n, 0);
    return {
      eventsPerSecond: ledgerEvents / seconds,
      appliedPerSecond: applied / seconds,
      ledgerEvents,
      seconds,
      nodeCpuSeconds: (nodeCpu.user + nodeCpu.system) / 1e6,
      serverCpuSeconds: serverPid === undefined ? undefined : cpuSecondsOf(serverPid) - serverCpuBefore,
    };
  } finally {
    await store.close();
    const { client, db } = await openMongoDatabase(options.url, database);
    await db.dropDatabase();
    await client.close();
  }
}

/** CPU seconds per 1,000 ledger events, node and the server apart. */
export function mongoCpuLine(result: MongoCatchUpResult): string {
  const per1000 = (seconds: number): string => ((seconds * 1000) / Math.max(result.ledgerEvents, 1)).toFixed(2);
  const server = result.serverCpuSeconds === undefined ? 'not measured (not on this machine; BENCH_FERRETDB_PID names it)' : `${per1000(result.serverCpuSeconds)} s`;
  const total = result.serverCpuSeconds === undefined ? '' : `, total ${per1000(result.nodeCpuSeconds + result.serverCpuSeconds)} s`;
  return `mongo cpu per 1000 ledger events: node ${per1000(result.nodeCpuSeconds)} s, server ${server}${total}`;
}
