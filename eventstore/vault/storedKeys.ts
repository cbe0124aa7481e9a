import type { SqlQueryable } from '../postgres/sqlClient';

interface StoredKeyRow {
  key_id: string;
  wrapped_key: Uint8Array | null;
}

/**
 * The wrapped data keys of these ids, in one statement, one answer per id in order: null
 * when the id has no key or its key was erased (both read as erased).
 */
export async function readStoredKeys(client: SqlQueryable, schema: string, keyIds: readonly string[]): Promise<(Uint8Array | null)[]> {
  const rows = await client.query<StoredKeyRow>(`SELECT key_id, wrapped_key FROM ${schema}.vault_keys WHERE key_id = ANY($1::text[])`, [[...new Set(keyIds)]]);
  const wrappedOfId = new Map(rows.map((row) => [row.key_id, row.wrapped_key]));
  return keyIds.map((keyId) => wrappedOfId.get(keyId) ?? null);
}
