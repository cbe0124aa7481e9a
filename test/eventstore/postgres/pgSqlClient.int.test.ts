import { createPgSqlClient } from '../../../eventstore/postgres/pgSqlClient';
import { databaseUrl } from './testDatabase';

test('every session of the pool runs without JIT (its compile cost per query is no gain on short indexed queries) and ends when idle in a transaction', async () => {
  const client = createPgSqlClient({ connectionString: databaseUrl, maxConnections: 2, idleInTransactionTimeoutMs: 5_000 });
  try {
    const settings = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('jit', 'idle_in_transaction_session_timeout') ORDER BY name`,
    );
    expect(settings).toEqual([
      { name: 'idle_in_transaction_session_timeout', setting: '5000' },
      { name: 'jit', setting: 'off' },
    ]);
  } finally {
    await client.close();
  }
});
