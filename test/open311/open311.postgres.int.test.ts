import { createHash } from 'node:crypto';
import { harnessForFile } from '../read-api/readApiHarness';
import { open311Suite } from './open311Suite';

const { harness, sql, schema } = harnessForFile({ postgresSchemaPrefix: 'open311' });

open311Suite('PostgreSQL', harness);

test('PostgreSQL: the api key table holds the SHA-256 of each secret, never the key', async () => {
  const { client, apiKey } = await harness().open311Keys.issue('Aplikasi Hash', 5);
  const secret = apiKey.split('_').slice(2).join('_');
  const rows = await sql().query<Record<string, unknown>>(`SELECT * FROM ${schema}.open311_clients WHERE client_id = $1`, [client.clientId]);
  expect(rows).toHaveLength(1);
  expect(Buffer.from(rows[0]!.secret_sha256 as Uint8Array).toString('hex')).toBe(createHash('sha256').update(secret).digest('hex'));
  const stored = JSON.stringify(rows, (_key, value: unknown) => (value instanceof Uint8Array ? Buffer.from(value).toString('base64') : value));
  expect(stored).not.toContain(secret);
  expect(stored).not.toContain(Buffer.from(secret, 'base64url').toString('base64'));
  expect((await harness().open311Keys.list()).find((c) => c.clientId === client.clientId)).toEqual({ clientId: client.clientId, name: 'Aplikasi Hash', requestsPerHour: 5, createdAt: expect.any(String) });
});
