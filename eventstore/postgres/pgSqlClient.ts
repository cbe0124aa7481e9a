import { createHash } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import type { QueryOptions, SqlClient, SqlQueryable } from './sqlClient';

export interface PgClientOptions {
  readonly connectionString: string;
  readonly maxConnections?: number;
  /** Ends sessions idle inside a transaction: one would hold back every subscriber (see readAll). */
  readonly idleInTransactionTimeoutMs?: number;
  readonly applicationName?: string;
}

const statementNames = new Map<string, string>();

/** A prepared statement's name, the same for the same text on every connection. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `s_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

function queryableOf(client: Pool | PoolClient): SqlQueryable {
  return {
    async query<Row>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]> {
      const values = params as unknown[] | undefined;
      const result = await (options?.prepared === true ? client.query({ name: statementName(text), text, values }) : client.query(text, values));
      return result.rows as Row[];
    },
    async exec(text: string): Promise<void> {
      await client.query(text);
    },
  };
}

/** A SqlClient over a `pg` connection pool. */
export function createPgSqlClient(options: PgClientOptions): SqlClient {
  const pool = new Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 20,
    application_name: options.applicationName ?? 'lapor-ledger',
    // No JIT: every query here is a short indexed one, and a misestimated cost (the ledger's
    // window read, estimated at thousands of rows per stream) had each compiled anew, about
    // 130 ms of the server's CPU per call on a 2.6-million-event ledger.
    options: `-c idle_in_transaction_session_timeout=${options.idleInTransactionTimeoutMs ?? 10_000} -c jit=off`,
  });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const base = queryableOf(pool);
  return {
    ...base,
    shared: true,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryableOf(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      const client = await pool.connect();
      client.on('notification', (message) => {
        if (message.channel === channel) onNotify();
      });
      await client.query(`LISTEN ${channel}`);
      return async () => {
        await client.query(`UNLISTEN ${channel}`).catch(() => undefined);
        client.release();
      };
    },
    async notify(channel) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, '']);
    },
    async close() {
      await pool.end();
    },
  };
}
