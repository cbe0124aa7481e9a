import { IdempotencyConflict } from '../../../eventstore/errors';
import { verifyChain } from '../../../eventstore/hashChain';
import type { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { counterIncremented, uniqueStreamId } from '../testEvents';

export interface LedgerSafetySubject {
  readonly store: PostgresEventStore;
  /** A superuser connection to the same database (PGlite: the same instance). */
  readonly client: SqlClient;
  readonly schema: string;
}

async function refusal(client: SqlClient, sql: string): Promise<string> {
  const error = await client.query(sql).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeDefined();
  return (error as Error).message;
}

/** What the database itself guarantees about the ledger table, for pg and PGlite alike. */
export function ledgerSafetyContract(name: string, subject: () => LedgerSafetySubject): void {
  describe(`${name} ledger table protects history`, () => {
    test('UPDATE, DELETE and TRUNCATE on the events table are refused by the database', async () => {
      const { store, client, schema } = subject();
      const streamId = uniqueStreamId();
      await store.appendToStream(streamId, 'no_stream', [counterIncremented(1)]);
      expect(await refusal(client, `UPDATE ${schema}.events SET data = '{"by": 99}' WHERE stream_id = '${streamId}'`)).toMatch(/append-only: UPDATE/);
      expect(await refusal(client, `DELETE FROM ${schema}.events WHERE stream_id = '${streamId}'`)).toMatch(/append-only: DELETE/);
      expect(await refusal(client, `TRUNCATE ${schema}.events`)).toMatch(/append-only: TRUNCATE/);
      expect((await store.readStream(streamId)).map((e) => e.data)).toEqual([{ by: 1 }]);
    });

    test('hash-chain verification names the first tampered event after a superuser rewrites a row', async () => {
      const { store, client, schema } = subject();
      const streamId = uniqueStreamId();
      await store.appendToStream(streamId, 'no_stream', [counterIncremented(1), counterIncremented(2), counterIncremented(3)]);
      expect(verifyChain(await store.readStream(streamId)).valid).toBe(true);
      await client.transaction(async (tx) => {
        await tx.exec(`ALTER TABLE ${schema}.events DISABLE TRIGGER events_no_update_or_delete`);
        await tx.query(`UPDATE ${schema}.events SET data = '{"by": 200}' WHERE stream_id = $1 AND stream_revision = 1`, [streamId]);
        await tx.exec(`ALTER TABLE ${schema}.events ENABLE TRIGGER events_no_update_or_delete`);
      });
      const verification = verifyChain(await store.readStream(streamId));
      expect(verification).toMatchObject({ valid: false, firstBrokenRevision: 1 });
    });

    test('event ids are unique across the whole ledger', async () => {
      const { store } = subject();
      const event = counterIncremented(1);
      await store.appendToStream(uniqueStreamId(), 'no_stream', [event]);
      await expect(store.appendToStream(uniqueStreamId(), 'no_stream', [event])).rejects.toBeInstanceOf(IdempotencyConflict);
    });
  });
}
