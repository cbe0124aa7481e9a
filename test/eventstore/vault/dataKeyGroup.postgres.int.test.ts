import { randomBytes, randomUUID } from 'node:crypto';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { gcmOpen, gcmSeal, packBox } from '../../../eventstore/vault/aesGcm';
import { storeOrReadDataKeys } from '../../../eventstore/vault/dataKeyGroup';
import { PersonalDataVault } from '../../../eventstore/vault/personalDataVault';
import { connect, dropSchema, uniqueSchema } from '../postgres/testDatabase';

const schema = uniqueSchema('vault_keys');
const masterKey = randomBytes(32);
let client: SqlClient;
let vault: PersonalDataVault;

beforeAll(async () => {
  client = connect(8);
  vault = await PersonalDataVault.open(client, schema, masterKey);
});

afterAll(async () => {
  await dropSchema(client, schema);
  await client.close();
});

const newKeyId = (): string => `reporter-${randomUUID()}`;
const wrapped = (keyId: string, dataKey = randomBytes(32)): Buffer => packBox(gcmSeal(masterKey, dataKey, keyId));
const storedRows = (keyId: string) => client.query<{ wrapped_key: Uint8Array | null }>(`SELECT wrapped_key FROM ${schema}.vault_keys WHERE key_id = $1`, [keyId]);

/**
 * Holds a key for `keyId` inserted but uncommitted in a transaction of its own until
 * `work` has started a statement that waits for it; then commits it.
 */
async function commitKeyWhileWaiting<T>(keyId: string, key: Buffer, work: () => Promise<T>): Promise<T> {
  let result!: Promise<T>;
  await client.transaction(async (tx) => {
    await tx.query(`INSERT INTO ${schema}.vault_keys (key_id, wrapped_key) VALUES ($1, $2)`, [keyId, key]);
    result = work();
    for (;;) {
      const [waiting] = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%' || $1 || '.vault_keys%'`,
        [schema],
      );
      if (waiting!.n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });
  return result;
}

test('one statement stores new keys and reads existing and erased ones, one answer per request in order', async () => {
  const [fresh, existing, erased] = [newKeyId(), newKeyId(), newKeyId()];
  const existingKey = wrapped(existing);
  await storeOrReadDataKeys(client, schema, [{ keyId: existing, wrappedNewKey: existingKey }]);
  await vault.erase(erased);
  const freshKey = wrapped(fresh);

  const answers = await storeOrReadDataKeys(client, schema, [
    { keyId: existing, wrappedNewKey: wrapped(existing) },
    { keyId: fresh, wrappedNewKey: freshKey },
    { keyId: erased, wrappedNewKey: wrapped(erased) },
  ]);

  expect(answers).toEqual([{ kind: 'stored', wrappedKey: existingKey }, { kind: 'new_key_stored' }, { kind: 'stored', wrappedKey: null }]);
  expect((await storedRows(fresh)).map((r) => Buffer.from(r.wrapped_key!))).toEqual([freshKey]);
  expect((await storedRows(erased)).map((r) => r.wrapped_key)).toEqual([null]);
});

test('a key id asked for twice in one group is stored once; the second request gets the key of the first', async () => {
  const keyId = newKeyId();
  const first = wrapped(keyId);
  const answers = await storeOrReadDataKeys(client, schema, [
    { keyId, wrappedNewKey: first },
    { keyId, wrappedNewKey: wrapped(keyId) },
  ]);
  expect(answers).toEqual([{ kind: 'new_key_stored' }, { kind: 'stored', wrappedKey: first }]);
  expect((await storedRows(keyId)).map((r) => Buffer.from(r.wrapped_key!))).toEqual([first]);
});

test('a key committed by another transaction while the statement waited for it is answered unseen, not overwritten', async () => {
  const keyId = newKeyId();
  const theirs = wrapped(keyId);
  const answers = await commitKeyWhileWaiting(keyId, theirs, () => storeOrReadDataKeys(client, schema, [{ keyId, wrappedNewKey: wrapped(keyId) }]));
  expect(answers).toEqual([{ kind: 'unseen' }]);
  expect((await storedRows(keyId)).map((r) => Buffer.from(r.wrapped_key!))).toEqual([theirs]);
});

test('a seal that waited for a key another node committed meanwhile seals under that key', async () => {
  const keyId = newKeyId();
  const theirDataKey = randomBytes(32);
  const sealed = await commitKeyWhileWaiting(keyId, wrapped(keyId, theirDataKey), () => vault.seal(keyId, { name: 'Siti' }));
  const box = { iv: Buffer.from(sealed.iv, 'base64'), ciphertext: Buffer.from(sealed.ciphertext, 'base64'), tag: Buffer.from(sealed.tag, 'base64') };
  expect(JSON.parse(gcmOpen(theirDataKey, box, keyId).toString('utf8'))).toEqual({ name: 'Siti' });
});

test('forty seals at once, ten of them under one key id: each envelope opens to its own data, and that id has one key', async () => {
  const keyIds = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 'reporter-shared-' + schema : newKeyId()));
  const sealed = await Promise.all(keyIds.map((keyId, i) => vault.seal(keyId, { name: `n${i}` })));
  expect(await Promise.all(sealed.map((s) => vault.open(s)))).toEqual(keyIds.map((_, i) => ({ erased: false, data: { name: `n${i}` } })));
  expect(await storedRows('reporter-shared-' + schema)).toHaveLength(1);
});
