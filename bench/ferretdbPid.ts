import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Pid = z.coerce.number().int().min(1);

/**
 * The pid of the MongoDB server to measure, when it runs on this machine: BENCH_FERRETDB_PID,
 * or else the pid file `.ci/ferretdb-start` keeps for the URL's port
 * (`$FERRETDB_RUN_DIR/ferretdb.pid`, default `/tmp/lapor-ferretdb-<port>/`), if that process
 * is alive. undefined for any other server (its CPU is not ours to read).
 */
export function ferretdbPidFor(url: string): number | undefined {
  const named = process.env['BENCH_FERRETDB_PID'];
  if (named) return Pid.parse(named);
  const port = /^mongodb:\/\/(?:127\.0\.0\.1|localhost):(\d+)\//.exec(url)?.[1];
  if (port === undefined) return undefined;
  const runDir = process.env['FERRETDB_RUN_DIR'] || `/tmp/lapor-ferretdb-${port}`;
  try {
    const pid = Pid.parse(readFileSync(`${runDir}/ferretdb.pid`, 'utf8').trim());
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}
