/**
 * `npm run bench:http`: complaints accepted per second over HTTP. The real server, built
 * and run as `npm start` runs it (node with package.json's start flags; BENCH_SERVER=tsx runs the TypeScript
 * instead, skipping the build), is a child process on PostgreSQL (loopback, a fresh schema)
 * while autocannon posts the web form with 50 connections. The server is an API node as
 * deployed at scale: projections and the scheduler run elsewhere (RUN_PROJECTIONS=false,
 * SCHEDULER_INTERVAL_SECONDS=0), and rate limits are off because every request comes from
 * one address with one phone number here. Peak RSS is the server's VmHWM.
 * Last line: `intake_per_s=<n> p99_ms=<n> rss_mb=<n>`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { npmStartArguments } from '../app/tools/npmStartCommand';
import { startServerProcess } from '../app/tools/serverProcess';
import { createPgSqlClient } from '../eventstore/postgres/pgSqlClient';
import { checkLoopbackUrl } from './benchConfig';
import { cpuBetween, sampleCpu } from './httpCpu';
import { machineLine } from './machineInfo';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const connections = 50;
const runTypeScript = process.env.BENCH_SERVER === 'tsx';

const complaint = JSON.stringify({
  kind: 'pengaduan',
  title: 'Jalan berlubang di Jl. Soekarno-Hatta',
  chronology: 'Sejak Januari ada lubang besar di depan pasar; dua pengendara motor sudah jatuh. Mohon segera diperbaiki.',
  incidentDate: '2025-02-20',
  regionCode: '32.73',
  category: 'infrastruktur',
  reporter: { name: 'Budi Santoso', phone: '081234567890' },
});

const peakRssMb = (pid: number): number => {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return line ? Number(line[1]) / 1024 : Number.NaN;
};

function load(url: string, duration: number): Promise<autocannon.Result> {
  return autocannon({ url: `${url}/api/complaints`, method: 'POST', headers: { 'content-type': 'application/json' }, body: complaint, connections, duration });
}

async function main(): Promise<void> {
  checkLoopbackUrl(databaseUrl);
  console.log(machineLine());
  const schema = `bench_http_${randomBytes(4).toString('hex')}`;
  const sql = createPgSqlClient({ connectionString: databaseUrl, maxConnections: 2 });
  // The server's connections carry the schema's name, so its PostgreSQL backends can be found.
  const serverDatabaseUrl = new URL(databaseUrl);
  serverDatabaseUrl.searchParams.set('application_name', schema);
  if (!runTypeScript) execFileSync('npm', ['run', 'build', '--silent'], { cwd: `${__dirname}/..`, stdio: 'inherit' });
  console.log(`server: ${runTypeScript ? 'app/main.ts through tsx' : `node ${npmStartArguments(join(__dirname, '..')).join(' ')} (as npm start runs it)`}`);
  const { child, url } = await startServerProcess(serverDatabaseUrl.toString(), schema, {
    RUN_PROJECTIONS: 'false',
    SCHEDULER_INTERVAL_SECONDS: '0',
    INTAKE_RATE_PER_HOUR: '0',
    LOG_LEVEL: 'warn',
  }, runTypeScript ? 'tsx' : 'npm-start');
  try {
    await load(url, warmupSeconds);
    const before = await sampleCpu(sql, child.pid!, schema);
    const result = await load(url, seconds);
    const cpu = cpuBetween(before, await sampleCpu(sql, child.pid!, schema));
    const [{ count }] = (await sql.query<{ count: string }>(`SELECT count(*) FROM ${schema}.events WHERE event_type = 'ComplaintSubmitted'`)) as [{ count: string }];
    const accepted = result['2xx'];
    const rss = peakRssMb(child.pid!);
    console.log(
      `${connections} connections, ${seconds} s: ${accepted} accepted (201), ${result.non2xx} other answers, ${result.errors} errors, ${count} submissions in the ledger (warm-up included)`,
    );
    console.log(`latency ms: p50=${result.latency.p50} p90=${result.latency.p90} p99=${result.latency.p99} max=${result.latency.max}`);
    const perComplaintMs = (cpuSeconds: number): string => ((cpuSeconds * 1000) / Math.max(1, accepted)).toFixed(2);
    console.log(`cpu ms per complaint: server=${perComplaintMs(cpu.serverSeconds)} postgres=${perComplaintMs(cpu.postgresSeconds)} (its backends)`);
    console.log(`intake_per_s=${Math.round(accepted / seconds)} p99_ms=${result.latency.p99} rss_mb=${Math.round(rss)}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await sql.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await sql.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
