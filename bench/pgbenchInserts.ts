import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { checkLoopbackUrl } from './benchConfig';
import { sampleDataJson } from './benchEvents';
import type { ScratchSchemas } from './scratchSchemas';

export type PgbenchOutcome = { readonly ok: true; readonly tps: number } | { readonly ok: false; readonly reason: string };

/** pgbench from PGBENCH, /usr/bin or PATH; undefined when the machine has none. */
export async function findPgbench(): Promise<string | undefined> {
  const candidates = [process.env.PGBENCH, '/usr/bin/pgbench', ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'pgbench'))];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next one
    }
  }
  return undefined;
}

/** One row per transaction, shaped like a ledger row (text, bigint, uuid, ~1 KB jsonb, bytea), no indexes: the raw ceiling. */
function insertScript(table: string): string {
  const json = sampleDataJson().replaceAll("'", "''");
  return [
    '\\set r random(1, 2000000000)',
    `INSERT INTO ${table} (stream_id, stream_revision, event_id, data, hash) VALUES ('complaint-' || :client_id || '-' || :r, 0, gen_random_uuid(), '${json}'::jsonb, '\\x${'ab'.repeat(32)}'::bytea);`,
    '',
  ].join('\n');
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message.split('\n')[0]}; ${stderr.trim().split('\n').slice(-2).join(' ')}`));
      else resolve(`${stdout}\n${stderr}`);
    });
  });
}

/** The database's raw single-row INSERT rate: `pgbench -n -c <clients> -j 2 -T <seconds> -f script`. */
export async function measurePgbenchInserts(pgbench: string, databaseUrl: string, schemas: ScratchSchemas, clients: number, seconds: number): Promise<PgbenchOutcome> {
  const url = checkLoopbackUrl(databaseUrl);
  const schema = schemas.name('pgbench');
  const dir = await mkdtemp(join(tmpdir(), 'lapor-bench-pgbench-'));
  try {
    await schemas.run(
      `CREATE SCHEMA ${schema};
       CREATE TABLE ${schema}.events (stream_id text NOT NULL, stream_revision bigint NOT NULL, event_id uuid NOT NULL, data jsonb NOT NULL, hash bytea NOT NULL)`,
    );
    const script = join(dir, 'insert.sql');
    await writeFile(script, insertScript(`${schema}.events`));
    const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
    const env: NodeJS.ProcessEnv = { ...process.env, PGPASSWORD: decodeURIComponent(url.password), PGAPPNAME: 'lapor-bench-pgbench' };
    const args = ['-h', url.hostname.replace(/^\[|\]$/g, ''), '-p', url.port || '5432', '-U', decodeURIComponent(url.username) || 'postgres'];
    args.push('-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, database);
    const output = await run(pgbench, args, env, (seconds + 60) * 1000);
    const tps = /^tps = ([0-9.]+)/m.exec(output)?.[1];
    if (tps === undefined) return { ok: false, reason: `no "tps = " line in pgbench output: ${output.trim().split('\n').slice(-3).join(' | ')}` };
    return { ok: true, tps: Number(tps) };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await rm(dir, { recursive: true, force: true });
    await schemas.drop(schema);
  }
}
