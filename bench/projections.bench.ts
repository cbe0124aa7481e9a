/**
 * npm run bench:projections — catch-up speed of the read models and the cost of a full
 * rebuild, on a synthetic ledger of BENCH_COMPLAINTS complaints (default 100k) written into a
 * fresh schema; then, when MONGODB_URL is set (FerretDB: `.ci/ferretdb-start`), catch-up into
 * MongoDB over the first BENCH_MONGO_EVENTS ledger events. Last line:
 * pg_events_per_s=<n> mongo_events_per_s=<n> rebuild_100k_s=<n> rss_mb=<n>.
 * pg_events_per_s and mongo_events_per_s count ledger events per second (each read once and
 * applied by every projection; "applied/s", printed beside them, sums over the projections). The rebuild's CPU
 * (this process and its PostgreSQL backends, per 1,000 ledger events) is the figure that
 * compares runs on a loaded machine. rss_mb is the peak RSS of the PostgreSQL rebuild.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { complaintEventRegistry } from '../domain/complaint';
import { PostgresEventStore } from '../eventstore/postgres/postgresEventStore';
import { createPgSqlClient } from '../eventstore/postgres/pgSqlClient';
import { PersonalDataVault } from '../eventstore/vault/personalDataVault';
import { allProjections, collectionCatalog } from '../projections/catalog';
import { rebuildProjections } from '../projections/runner/rebuildProjection';
import { PostgresReadModelStore } from '../projections/store/postgres/postgresReadModelStore';
import { writeSyntheticLedger } from '../app/tools/syntheticLedger/writeSyntheticLedger';
import { cpuBetween, latestOfEachBackend, sampleCpu, type CpuSample } from './httpCpu';
import { machineLine } from './machineInfo';
import { measureMongoCatchUp, mongoCpuLine } from './mongoCatchUp';
import { RssWatch } from './rssWatch';

const Settings = z.object({
  BENCH_COMPLAINTS: z.coerce.number().int().min(100).default(100_000),
  BENCH_SEED: z.coerce.number().int().min(0).default(2012),
  /**
   * Submission days of the synthetic ledger. Default: one year, so that 100k complaints come at
   * the national ledger's pace (1.4 million over 2012-2025, about 270 a day): how many
   * complaints a batch of the ledger touches, and so what a rebuild writes, depends on it.
   */
  BENCH_FROM: z.iso.date().default('2025-01-01'),
  BENCH_TO: z.iso.date().default('2025-12-31'),
  /** Default: each store's preferred batch size (ReadModelStore.preferredBatchSize). */
  BENCH_BATCH: z.coerce.number().int().min(1).max(10_000).optional(),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/test'),
  MONGODB_URL: z.string().optional(),
  BENCH_MONGO_EVENTS: z.coerce.number().int().min(1).default(100_000),
  BENCH_KEEP_SCHEMA: z.enum(['0', '1']).default('0'),
});

const PROGRESS_MARKS = [0.25, 0.5, 0.75, 1];

async function main(): Promise<void> {
  const settings = Settings.parse(process.env);
  console.log(machineLine());
  const schema = `bench_projections_${randomBytes(4).toString('hex')}`;
  // The pool size the CLI's rebuild gets (the default): five projections commit side by side while the next batch is read.
  const client = createPgSqlClient({ connectionString: settings.DATABASE_URL, applicationName: schema });
  const masterKey = randomBytes(32);
  const events = await PostgresEventStore.open({ client, schema, registry: complaintEventRegistry });
  const vault = await PersonalDataVault.open(client, schema, masterKey);
  const rss = new RssWatch();
  try {
    console.log(`ledger: generating ${settings.BENCH_COMPLAINTS} complaints submitted ${settings.BENCH_FROM} to ${settings.BENCH_TO} (seed ${settings.BENCH_SEED}), in the order their events happened, into schema ${schema}`);
    let printed = 0;
    const written = await writeSyntheticLedger(
      { complaints: settings.BENCH_COMPLAINTS, seed: settings.BENCH_SEED, from: settings.BENCH_FROM, to: settings.BENCH_TO },
      {
        client,
        schema,
        masterKey,
        onProgress: (p) => {
          if (Date.now() - printed < 2000) return;
          printed = Date.now();
          console.log(`ledger: ${p.complaints} complaints, ${p.events} events, ${Math.round(p.complaintsPerSecond)} complaints/s, rss ${rss.sampleMb()} MB`);
        },
      },
    );
    console.log(`ledger: ${written.complaints} complaints, ${written.events} events in ${written.seconds.toFixed(1)} s (${Math.round(written.events / written.seconds)} events/s, ${written.refusals} refusals)`);

    const store = await PostgresReadModelStore.open({ client, schema, catalog: collectionCatalog });
    rss.reset();
    const cpuBefore = await sampleCpu(client, process.pid, schema);
    const cpuSamples: CpuSample[] = [];
    const first = allProjections[0]!.name;
    const results = await rebuildProjections({ events, store, personalData: vault }, allProjections, {
      batchSize: settings.BENCH_BATCH,
      onProgress: (p) => {
        if (p.projection !== first) return;
        const marked = rss.markProgress(p.eventsRead / written.events, PROGRESS_MARKS);
        if (!marked && Date.now() - printed < 5000) return;
        printed = Date.now();
        sampleCpu(client, process.pid, schema).then((sample) => cpuSamples.push(sample), () => undefined);
        console.log(`rebuild all: ${p.eventsRead} ledger events, ${Math.round(p.eventsPerSecond)} ledger events/s, rss ${rss.sampleMb()} MB`);
      },
    });
    const cpu = cpuBetween(cpuBefore, latestOfEachBackend([...cpuSamples, await sampleCpu(client, process.pid, schema)]));
    const seconds = Math.max(...results.map((r) => r.seconds));
    const applied = results.reduce((sum, r) => sum + r.eventsRead, 0);
    const pgRate = written.events / seconds;
    const rebuildPeakMb = rss.peakMb;
    const per1000 = (cpuSeconds: number): string => ((cpuSeconds * 1000) / written.events).toFixed(3);
    console.log(`rebuild all ${allProjections.length} projections: ${seconds.toFixed(1)} s, ${Math.round(pgRate)} ledger events/s (${Math.round(applied / seconds)} applied/s over the projections), peak rss ${rebuildPeakMb} MB`);
    console.log(`rebuild cpu per 1000 ledger events: node ${per1000(cpu.serverSeconds)} s, postgres ${per1000(cpu.postgresSeconds)} s, total ${per1000(cpu.serverSeconds + cpu.postgresSeconds)} s`);
    console.log(`rss at progress ${rss.marksLine()}`);
    console.log(`estimate for 1.4 million complaints at this rate: ${((seconds * 1_400_000) / settings.BENCH_COMPLAINTS / 60).toFixed(1)} min`);
    console.log(machineLine());

    let mongo = 'n/a';
    if (settings.MONGODB_URL === undefined) console.log('mongo: MONGODB_URL unset (start FerretDB with .ci/ferretdb-start), not measured');
    else {
      rss.reset();
      printed = 0;
      const result = await measureMongoCatchUp(
        { events, personalData: vault },
        {
          url: settings.MONGODB_URL,
          eventLimit: settings.BENCH_MONGO_EVENTS,
          batchSize: settings.BENCH_BATCH,
          onProgress: (ledgerEvents, elapsed) => {
            const marked = rss.markProgress(ledgerEvents / settings.BENCH_MONGO_EVENTS, PROGRESS_MARKS);
            if (!marked && Date.now() - printed < 5000) return;
            printed = Date.now();
            console.log(`mongo: ${ledgerEvents} ledger events, ${Math.round(ledgerEvents / elapsed)} ledger events/s, rss ${rss.sampleMb()} MB`);
          },
        },
      );
      mongo = String(Math.round(result.eventsPerSecond));
      console.log(
        `mongo: ${result.ledgerEvents} ledger events in ${result.seconds.toFixed(1)} s, ${mongo} ledger events/s (${Math.round(result.appliedPerSecond)} applied/s over the projections), peak rss ${rss.peakMb} MB`,
      );
      console.log(mongoCpuLine(result));
      console.log(`mongo rss at progress ${rss.marksLine()}`);
      console.log(machineLine());
    }
    console.log(`pg_events_per_s=${Math.round(pgRate)} mongo_events_per_s=${mongo} rebuild_100k_s=${((seconds * 100_000) / settings.BENCH_COMPLAINTS).toFixed(1)} rss_mb=${rebuildPeakMb}`);
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
