import type { SqlQueryable } from '../postgres/sqlClient';

/** A seal's request for its data key: the key id, and a new data key (wrapped) to store should the id have none. */
export interface DataKeyRequest {
  readonly keyId: string;
  readonly wrappedNewKey: Buffer;
}

export type DataKeyAnswer =
  /** The request's new key is now the key of its id. */
  | { readonly kind: 'new_key_stored' }
  /** The id already had a key (null: erased). */
  | { readonly kind: 'stored'; readonly wrappedKey: Buffer | null }
  /** Another statement committed a key for the id while this one ran, too late for this one to see: read it again. */
  | { readonly kind: 'unseen' };

interface KeyRow {
  key_id: string;
  inserted: boolean;
  found: boolean;
  wrapped_key: Uint8Array | null;
}

/**
 * The data keys of seals that queued up together, in one statement (one round trip, one
 * commit): new keys are inserted, existing ones read, one answer per request in order.
 * A key id asked for twice is sent once; the later request is answered with the key the
 * first one stored. Keys are inserted in key-id order, so two groups inserting the same ids
 * at once wait for each other instead of deadlocking.
 */
export async function storeOrReadDataKeys(client: SqlQueryable, schema: string, requests: readonly DataKeyRequest[]): Promise<DataKeyAnswer[]> {
  const firstOfId = new Map<string, DataKeyRequest>();
  for (const request of requests) if (!firstOfId.has(request.keyId)) firstOfId.set(request.keyId, request);
  const input = JSON.stringify([...firstOfId.values()].map((r) => ({ key_id: r.keyId, wrapped_key: r.wrappedNewKey.toString('base64') })));
  const rows = await client.query<KeyRow>(
    `WITH input AS (
       SELECT key_id, decode(wrapped_key, 'base64') AS wrapped_key FROM jsonb_to_recordset($1::jsonb) AS i(key_id text, wrapped_key text)),
     inserted AS (
       INSERT INTO ${schema}.vault_keys (key_id, wrapped_key) SELECT key_id, wrapped_key FROM input ORDER BY key_id
       ON CONFLICT (key_id) DO NOTHING RETURNING key_id)
     -- The join on vault_keys sees the table as it was when the statement began: not the rows inserted above.
     SELECT input.key_id, inserted.key_id IS NOT NULL AS inserted, stored.key_id IS NOT NULL AS found, stored.wrapped_key
       FROM input LEFT JOIN inserted ON inserted.key_id = input.key_id LEFT JOIN ${schema}.vault_keys stored ON stored.key_id = input.key_id`,
    [input],
  );
  const rowOfId = new Map(rows.map((row) => [row.key_id, row]));
  return requests.map((request): DataKeyAnswer => {
    const first = firstOfId.get(request.keyId)!;
    const row = rowOfId.get(request.keyId);
    if (!row) throw new Error(`vault: no answer for key ${request.keyId}`);
    if (row.inserted) return first === request ? { kind: 'new_key_stored' } : { kind: 'stored', wrappedKey: first.wrappedNewKey };
    if (row.found) return { kind: 'stored', wrappedKey: row.wrapped_key && Buffer.from(row.wrapped_key) };
    return { kind: 'unseen' };
  });
}
