import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlQueryable } from './sqlClient';

function queryableOf(db: PGlite | Transaction): SqlQueryable {
  return {
    async query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> {
      const result = await db.query<Row>(text, params as unknown[] | undefined);
      return result.rows;
    },
    async exec(text: string): Promise<void> {
      await db.exec(text);
    },
  };
}

/**
 * Opens PGlite with its data in `dataDir` (or in memory when omitted).
 * PGlite has one connection and serialises transactions; it lives in this process only.
 */
export async function openPGlite(dataDir?: string): Promise<PGlite> {
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  return PGliteClass.create(dataDir === undefined ? {} : { dataDir });
}

export function createPGliteSqlClient(db: PGlite): SqlClient {
  return {
    ...queryableOf(db),
    shared: false,
    transaction(work) {
      return db.transaction((tx) => work(queryableOf(tx)));
    },
    async listen(channel, onNotify) {
      return db.listen(channel, () => onNotify());
    },
    async notify(channel) {
      await db.query('SELECT pg_notify($1, $2)', [channel, '']);
    },
    async close() {
      await db.close();
    },
  };
}
