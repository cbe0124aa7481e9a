import { readFileSync } from 'node:fs';
import type { SqlClient } from '../eventstore/postgres/sqlClient';

/** Linux reports process times in clock ticks of 1/100 s (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/** User plus system CPU seconds a process has used so far; 0 once it has gone. */
export function cpuSecondsOf(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

export interface CpuSample {
  readonly serverSeconds: number;
  /** Per PostgreSQL backend serving the server, by process id. */
  readonly backendSeconds: ReadonlyMap<number, number>;
}

/**
 * CPU used by the server process and by the PostgreSQL backends of its connections (found by
 * their application name). On a machine shared with other jobs, throughput follows the load
 * while CPU per complaint barely moves, so the latter is what compares runs.
 */
export async function sampleCpu(sql: SqlClient, serverPid: number, applicationName: string): Promise<CpuSample> {
  const backends = await sql.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
  return { serverSeconds: cpuSecondsOf(serverPid), backendSeconds: new Map(backends.map(({ pid }) => [pid, cpuSecondsOf(pid)])) };
}

/** CPU used between two samples; a backend that started in between counts from zero (one that ended is missed). */
export function cpuBetween(before: CpuSample, after: CpuSample): { readonly serverSeconds: number; readonly postgresSeconds: number } {
  let postgresSeconds = 0;
  for (const [pid, seconds] of after.backendSeconds) postgresSeconds += seconds - (before.backendSeconds.get(pid) ?? 0);
  return { serverSeconds: after.serverSeconds - before.serverSeconds, postgresSeconds };
}

/**
 * Samples taken during a run, merged into one: each backend at its latest reading. A pool
 * closes connections idle for 10 s and opens others later, so a backend that ended before the
 * last sample still counts, up to the sample before it ended.
 */
export function latestOfEachBackend(samples: readonly CpuSample[]): CpuSample {
  const backendSeconds = new Map<number, number>();
  for (const sample of samples) for (const [pid, seconds] of sample.backendSeconds) if (seconds > 0) backendSeconds.set(pid, seconds);
  return { serverSeconds: samples.at(-1)?.serverSeconds ?? 0, backendSeconds };
}
