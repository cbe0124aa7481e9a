import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { allProjections } from '../../projections/catalog';
import { rebuildProjection } from '../../projections/runner/rebuildProjection';
import type { ReadModelStore } from '../../projections/store/readModelStore';
import { untilStreamsVisible } from '../eventstore/postgres/ledgerVisibility';
import { connect, databaseUrl, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';
import { writeFixtureLedger } from './canaryLedger';
import { readWholeLedger } from './ledgerTruth';
import { openSqlLedger, type SqlLedger } from './suiteSetup';

export interface CrashStoreSetup {
  /** READ_STORE_URL for the child worker; undefined: the read models sit in the ledger's schema. */
  readonly readStoreUrl: string | undefined;
  /** The same read models as the child writes them, for the parent to inspect. */
  openStore(ledger: SqlLedger, schema: string): Promise<ReadModelStore>;
  /** Removes what the store holds beyond the schema (e.g. the MongoDB database). */
  cleanUp?(schema: string): Promise<void>;
}

/**
 * What the killed worker is doing: catching up live generations in ledger order, or
 * rebuilding generations of a new code version (no reader sees them) stream by stream.
 */
export type CrashedWork = 'catch-up' | 'rebuild';

/*
 * Crash safety (PGlite lives inside one process, so the ledger is on PostgreSQL, shared with
 * a child): a projection worker is killed with SIGKILL at random points of its work, several
 * times; after it finally completes, every read model equals a clean rebuild.
 */
export function crashSafetyTest(label: string, setup: CrashStoreSetup, work: CrashedWork): void {
  describe(`${label}, ${work}`, () => crashSafetyCase(label, setup, work));
}

function crashSafetyCase(label: string, setup: CrashStoreSetup, work: CrashedWork): void {
  const schema = uniqueSchema('projection_crash');
  let client: SqlClient;
  let ledger: SqlLedger;
  let store: ReadModelStore;

  function startChild(): ChildProcess {
    const readStore = setup.readStoreUrl === undefined ? {} : { CRASH_READ_STORE_URL: setup.readStoreUrl };
    return fork(join(__dirname, 'crashChild.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, ...readStore, CRASH_DATABASE_URL: databaseUrl, CRASH_SCHEMA: schema, CRASH_MASTER_KEY: ledger.masterKey.toString('base64'), CRASH_BATCH_SIZE: '1' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
  }

  const exited = (child: ChildProcess): Promise<number | null> =>
    new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

  const ready = (child: ChildProcess, stderr: () => string): Promise<void> =>
    new Promise((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`crash child exited (${code}) before it was ready: ${stderr()}`)));
    });

  async function checkpoints(): Promise<string[]> {
    return Promise.all(allProjections.map(async (p) => (await store.generations(p.name)).find((g) => g.state === 'live')?.checkpoint ?? ''));
  }

  /** How far the catch-up has come: each projection's newest generation (live or building), '' before it exists. */
  async function workingCheckpoints(): Promise<string[]> {
    return Promise.all(allProjections.map(async (p) => (await store.generations(p.name)).filter((g) => g.state !== 'retired').at(-1)?.checkpoint ?? ''));
  }

  /**
   * Waits until some projection has applied the ledger up to a random one of `positions` between where the
   * slowest one stands and 80% of what is left, then returns: a random point of the catch-up
   * whatever the machine's speed (a random delay missed it once catch-up got fast).
   */
  async function untilRandomPointOfCatchUp(positions: readonly string[], child: ChildProcess): Promise<void> {
    const slowest = (await workingCheckpoints()).reduce((a, b) => (b < a ? b : a));
    const done = positions.filter((position) => position <= slowest).length;
    const target = positions[done + Math.floor(Math.random() * (positions.length - done) * 0.8)]!;
    while (child.exitCode === null && child.signalCode === null && !(await workingCheckpoints()).some((c) => c >= target)) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  beforeAll(async () => {
    client = connect(8);
    ledger = await openSqlLedger(client, schema);
    store = await setup.openStore(ledger, schema);
    const fixture = await writeFixtureLedger(ledger.events, ledger.vault, 30);
    // The gap-safe ledger read holds rows back while another test file's transaction is open.
    await untilStreamsVisible(ledger.events, fixture.complaintIds.map((id) => `complaint-${id}`));
    if (work === 'rebuild') {
      // Live generations of an older code version: the worker builds this version's beside them, stream by stream, and promotes them.
      for (const projection of allProjections) {
        const slot = { projection: projection.name, generation: 1 };
        await store.beginGeneration(slot, projection.version - 1);
        await store.promoteGeneration(slot);
      }
    }
  });

  afterAll(async () => {
    await store?.close();
    await setup.cleanUp?.(schema);
    await ledger.close();
    await dropSchema(client, schema);
    await client.close();
  });

  test(`${label}: SIGKILL at random points of a ${work === 'rebuild' ? 'rebuild stream by stream' : 'catch-up in ledger order'}, then a restart: every read model equals a clean rebuild`, async () => {
    const ledgerEvents = await readWholeLedger(ledger.events);
    const head = ledgerEvents.at(-1)!.globalPosition;
    // Where checkpoints stop: after each event, or stream by stream after each stream's first event.
    const positions = ledgerEvents.filter((event) => work === 'catch-up' || event.streamRevision === 0).map((event) => event.globalPosition);
    const seen: string[][] = [];
    let killedMidway = 0;
    let killedStreamwise = 0;
    for (let attempt = 0; attempt < 5; attempt++) {
      const child = startChild();
      let stderr = '';
      child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await ready(child, () => stderr);
      await untilRandomPointOfCatchUp(positions, child);
      child.kill('SIGKILL');
      await exited(child);
      expect(stderr).not.toContain('crash child failed');
      const now = await workingCheckpoints();
      if (now.some((c) => c < head)) killedMidway++;
      if ((await Promise.all(allProjections.map((p) => store.generations(p.name)))).flat().some((g) => g.streamwiseHead !== undefined)) killedStreamwise++;
      // Checkpoints never move backwards across crashes.
      if (seen.length > 0) now.forEach((c, i) => expect(c >= seen.at(-1)![i]!).toBe(true));
      seen.push(now);
    }
    expect(killedMidway).toBeGreaterThanOrEqual(3);
    // A rebuild is killed in its stream-by-stream phase; a catch-up of live generations never enters it.
    if (work === 'rebuild') expect(killedStreamwise).toBeGreaterThanOrEqual(2);
    else expect(killedStreamwise).toBe(0);

    // A catch-up ends where the read horizon stands; another test's transaction can hold it back
    // for a moment, so the worker is started again, as a deployment's runner would go on.
    let runs = 0;
    do {
      expect(await exited(startChild())).toBe(0);
      runs++;
    } while (runs < 5 && (await checkpoints()).some((c) => c < head));
    expect(await checkpoints()).toEqual(allProjections.map(() => head));

    for (const projection of allProjections) {
      const live = (await store.generations(projection.name)).find((g) => g.state === 'live')!;
      const clean = await rebuildProjection({ events: ledger.events, store, personalData: ledger.vault }, projection, { promote: false, batchSize: 500 });
      expect(await store.dumpGeneration(live)).toEqual(await store.dumpGeneration(clean.slot));
      await store.dropGeneration(clean.slot);
    }
  }, 300_000);
}
