/**
 * Settings of `npm run bench:ledger`, all from the environment so CI and a quick local run
 * differ only in variables. The bench only ever talks to PostgreSQL on the loopback interface.
 */
export interface BenchConfig {
  /** postgres:// URL of the machine's own PostgreSQL (loopback only). */
  readonly databaseUrl: string;
  /** Measured duration of each timed phase. */
  readonly seconds: number;
  /** Unmeasured lead-in of each timed phase (connections open, plans cached). */
  readonly warmupSeconds: number;
  /** Writer counts of the PostgreSQL phases; the last one is the headline figure. */
  readonly writerCounts: readonly number[];
  /** Writer counts of the PGlite phases. */
  readonly pgliteWriterCounts: readonly number[];
  /** Rounds of the headline comparison (ours, pgbench, Emmett back to back); medians are reported. */
  readonly rounds: number;
  /** Share of appends that go to an existing stream with its exact revision (the rest: no_stream). */
  readonly existingShare: number;
  /** Events appended by the memory phase (0 skips it). */
  readonly memoryEvents: number;
  /** Memory sample interval, in appended events. */
  readonly memorySampleEvery: number;
  /** Hard stop for the whole run, in case the database stalls. */
  readonly maxMinutes: number;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function numberFromEnv(name: string, fallback: number, check: (n: number) => boolean, rule: string): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isFinite(value) || !check(value)) throw new Error(`${name}: ${rule}, got "${raw}"`);
  return value;
}

function listFromEnv(name: string, fallback: readonly number[]): readonly number[] {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1 || v > 64)) {
    throw new Error(`${name}: a comma-separated list of writer counts from 1 to 64, got "${raw}"`);
  }
  return values;
}

/** Refuses anything but the local server: the bench creates and drops schemas. */
export function checkLoopbackUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('BENCH_DATABASE_URL: not a URL');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new Error('BENCH_DATABASE_URL: must be postgres://');
  if (!LOOPBACK_HOSTS.has(parsed.hostname)) throw new Error(`BENCH_DATABASE_URL: host must be 127.0.0.1 (loopback), got ${parsed.hostname}`);
  return parsed;
}

export function readBenchConfig(): BenchConfig {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  checkLoopbackUrl(databaseUrl);
  const memoryEvents = numberFromEnv('BENCH_MEMORY_EVENTS', 1_000_000, (n) => Number.isInteger(n) && n >= 0, 'a whole number >= 0');
  return {
    databaseUrl,
    seconds: numberFromEnv('BENCH_SECONDS', 10, (n) => n >= 1 && n <= 600, 'seconds from 1 to 600'),
    warmupSeconds: numberFromEnv('BENCH_WARMUP_SECONDS', 1, (n) => n >= 0 && n <= 60, 'seconds from 0 to 60'),
    writerCounts: listFromEnv('BENCH_WRITERS', [1, 8, 32]),
    pgliteWriterCounts: listFromEnv('BENCH_PGLITE_WRITERS', [1, 32]),
    rounds: numberFromEnv('BENCH_ROUNDS', 3, (n) => Number.isInteger(n) && n >= 1 && n <= 20, 'a whole number from 1 to 20'),
    existingShare: numberFromEnv('BENCH_EXISTING_SHARE', 0.25, (n) => n >= 0 && n <= 1, 'a fraction from 0 to 1'),
    memoryEvents,
    memorySampleEvery: numberFromEnv(
      'BENCH_MEMORY_SAMPLE_EVERY',
      Math.max(1, Math.floor(memoryEvents / 20)),
      (n) => Number.isInteger(n) && n >= 1,
      'a whole number >= 1',
    ),
    maxMinutes: numberFromEnv('BENCH_MAX_MINUTES', 60, (n) => n > 0, 'minutes > 0'),
  };
}
