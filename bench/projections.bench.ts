/**
 * npm run bench:projections — catch-up speed of the read models and the cost of a full
 * rebuild, on a synthetic ledger of BENCH_COMPLAINTS complaints (default 100k) written into a
 * fresh schema. Last line: pg_events_per_s=<n> mongo_events_per_s=<n> rebuild_100k_s=<n> rss_mb=<n>.
 * pg_events_per_s counts ledger events applied per second summed over the four projections
 * (each projection reads the ledger once); the ledger-event rate is printed beside it.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { complaintEventRegistry } from '../domain/complaint';
import { PostgresEventStore } from '../eventstore/postgres/postgresEventStore';
import { createPgSqlClient } from '../eventstore/postgres/pgSqlClient';
import { PersonalDataVault } from '../eventstore/vault/personalDataVault';
import { allProjections, collectionCatalog } from '../projections/catalog';
import { rebuildProjection } from '../projections/runner/rebuildProjection';
import { PostgresReadModelStore } from '../projections/store/postgres/postgresReadModelStore';
import { writeSyntheticLedger } from '../app/tools/syntheticLedger/writeSyntheticLedger';
import { machineLine } from './machineInfo';

const Settings = z.object({
  BENCH_COMPLAINTS: z.coerce.number().int().min(100).default(100_000),
  BENCH_SEED: z.coerce.number().int().min(0).default(2012),
  BENCH_BATCH: z.coerce.number().int().min(1).max(10_000).default(1000),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/test'),
  BENCH_KEEP_SCHEMA: z.enum(['0', '1']).default('0'),
});

const mb = (bytes: number): number => Math.round(bytes / 1_048_576);

/** Peak RSS, sampled often enough to see a batch's working set. */
class RssWatch {
  peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => this.sample(), 100);
  sample(): number {
    const rss = process.memoryUsage.rss();
    this.peak = Math.max(this.peak, rss);
    return rss;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

async function main(): Promise<void> {
  const settings = Settings.parse(process.env);
  console.log(machineLine());
  const schema = `bench_projections_${randomBytes(4).toString('hex')}`;
  const client = createPgSqlClient({ connectionString: settings.DATABASE_URL, maxConnections: 4 });
  const masterKey = randomBytes(32);
  const events = await PostgresEventStore.open({ client, schema, registry: complaintEventRegistry });
  const vault = await PersonalDataVault.open(client, schema, masterKey);
  const rss = new RssWatch();
  try {
    console.log(`ledger: generating ${settings.BENCH_COMPLAINTS} complaints (seed ${settings.BENCH_SEED}) into schema ${schema}`);
    let printed = 0;
    const written = await writeSyntheticLedger(
      { complaints: settings.BENCH_COMPLAINTS, seed: settings.BENCH_SEED },
      {
        client,
        schema,
        masterKey,
        onProgress: (p) => {
          if (Date.now() - printed < 2000) return;
          printed = Date.now();
          console.log(`ledger: ${p.complaints} complaints, ${p.events} events, ${Math.round(p.complaintsPerSecond)} complaints/s, rss ${mb(rss.sample())} MB`);
        },
      },
    );
    console.log(`ledger: ${written.complaints} complaints, ${written.events} events in ${written.seconds.toFixed(1)} s (${Math.round(written.events / written.seconds)} events/s, ${written.refusals} refusals)`);

    const store = await PostgresReadModelStore.open({ client, schema, catalog: collectionCatalog });
    rss.peak = rss.sample();
    const started = Date.now();
    const marks = [0.25, 0.5, 1];
    for (const projection of allProjections) {
      let next = 0;
      printed = 0;
      const result = await rebuildProjection({ events, store, personalData: vault }, projection, {
        batchSize: settings.BENCH_BATCH,
        onProgress: (p) => {
          const share = p.eventsRead / written.events;
          const now = rss.sample();
          while (next < marks.length && share >= (marks[next] as number) - 1e-9) {
            console.log(`rebuild ${projection.name}: ${Math.round((marks[next] as number) * settings.BENCH_COMPLAINTS)} complaints' events read, rss ${mb(now)} MB`);
            next++;
          }
          if (Date.now() - printed < 2000) return;
          printed = Date.now();
          console.log(`rebuild ${projection.name}: ${p.eventsRead} events, ${Math.round(p.eventsPerSecond)} events/s`);
        },
      });
      console.log(`rebuild ${projection.name}: ${result.eventsRead} events in ${result.seconds.toFixed(1)} s (${Math.round(result.eventsRead / result.seconds)} events/s)`);
    }
    const seconds = (Date.now() - started) / 1000;
    const applied = written.events * allProjections.length;
    console.log(`rebuild all: ${seconds.toFixed(1)} s, ${Math.round(written.events / seconds)} ledger events/s through all four projections, peak rss ${mb(rss.peak)} MB`);
    console.log(`estimate for 1.4 million complaints at this rate: ${((seconds * 1_400_000) / settings.BENCH_COMPLAINTS / 60).toFixed(1)} min`);
    console.log(machineLine());
    const mongo = 'n/a (no MongoDB read-model adapter in projections/store yet)';
    console.log(`pg_events_per_s=${Math.round(applied / seconds)} mongo_events_per_s=${mongo} rebuild_100k_s=${((seconds * 100_000) / settings.BENCH_COMPLAINTS).toFixed(1)} rss_mb=${mb(rss.peak)}`);
  } finally {
    rss.stop();
    await events.close();
    if (settings.BENCH_KEEP_SCHEMA === '0') await client.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
