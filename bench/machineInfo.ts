import { availableParallelism, loadavg } from 'node:os';
import type { ScratchSchemas } from './scratchSchemas';

/** These machines are shared: every figure is read next to the load at the time. */
export function machineLine(): string {
  const load = loadavg().map((n) => n.toFixed(2)).join(' ');
  return `machine: load average ${load} (1/5/15 min), ${availableParallelism()} cores, node ${process.version}, ${new Date().toISOString()}`;
}

/** The settings that decide commit cost, so runs on different servers can be compared. */
export async function serverLine(schemas: ScratchSchemas): Promise<string> {
  const rows = await schemas.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'synchronous_commit', 'fsync', 'shared_buffers', 'max_connections') ORDER BY name`,
  );
  return `postgres: ${rows.map((r) => `${r.name}=${r.setting}`).join(' ')}`;
}
