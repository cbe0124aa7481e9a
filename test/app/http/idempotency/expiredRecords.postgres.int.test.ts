import { randomBytes } from 'node:crypto';
import { purgeExpiredRecords } from '../../../../app/http/idempotency/expiredRecords';
import { IdempotencyStore } from '../../../../app/http/idempotency/idempotencyStore';
import { RateLimitStore } from '../../../../app/http/rateLimitStore';
import type { SqlClient } from '../../../../eventstore/postgres/sqlClient';
import { connect, dropSchema, uniqueSchema } from '../../../eventstore/postgres/testDatabase';

const schema = uniqueSchema('purge');
let sql: SqlClient;
let idempotency: IdempotencyStore;
let rateLimits: RateLimitStore;

beforeAll(async () => {
  sql = connect();
  idempotency = await IdempotencyStore.open(sql, schema);
  rateLimits = await RateLimitStore.open(sql, schema);
});

afterAll(async () => {
  await dropSchema(sql, schema);
  await sql.close();
});

const recordIds = async (): Promise<string[]> =>
  (await sql.query<{ record_id: string }>(`SELECT record_id FROM ${schema}.idempotency_records ORDER BY record_id`)).map((row) => row.record_id);

describe('purge of expired records on PostgreSQL', () => {
  test('idempotency records past retention go (in batches), newer ones stay, and a purged key executes anew', async () => {
    const box = randomBytes(8);
    for (let i = 0; i < 5; i++) await idempotency.reserve(`old-${i}`, 'fingerprint', box);
    await sql.query(`UPDATE ${schema}.idempotency_records SET created_at = now() - interval '25 hours'`);
    await idempotency.reserve('recent', 'fingerprint', box);
    const purged = await purgeExpiredRecords({ idempotency, retentionMs: 24 * 3_600_000, clock: () => new Date() });
    expect(purged).toEqual({ idempotencyRecords: 5, rateLimits: 0 });
    expect(await recordIds()).toEqual(['recent']);
    expect((await idempotency.reserve('old-0', 'fingerprint', box)).kind).toBe('execute');
    expect((await idempotency.reserve('recent', 'fingerprint', box)).kind).toBe('in_progress');
  });

  test('batches smaller than the backlog still purge all of it', async () => {
    const box = randomBytes(8);
    for (let i = 0; i < 7; i++) await idempotency.reserve(`batch-${i}`, 'fingerprint', box);
    await sql.query(`UPDATE ${schema}.idempotency_records SET created_at = now() - interval '2 days' WHERE record_id LIKE 'batch-%'`);
    expect(await idempotency.purgeCreatedBefore(new Date(Date.now() - 3_600_000), 3)).toBe(7);
    expect((await recordIds()).filter((id) => id.startsWith('batch-'))).toEqual([]);
  });

  test('rate-limit rows go once they limit nobody; a running allowance stays', async () => {
    await rateLimits.take({ name: 'short', limit: 1, periodSeconds: 0.05 }, 'a');
    await rateLimits.take({ name: 'long', limit: 1, periodSeconds: 3600 }, 'b');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const purged = await purgeExpiredRecords({ idempotency, rateLimits, retentionMs: 24 * 3_600_000, clock: () => new Date() });
    expect(purged.rateLimits).toBe(1);
    expect((await rateLimits.take({ name: 'long', limit: 1, periodSeconds: 3600 }, 'b')).allowed).toBe(false);
  });
});
