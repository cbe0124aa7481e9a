import { gcmSeal, packBox } from '../../../eventstore/vault/aesGcm';
import { checkSchemaName, type SqlQueryable } from '../../../eventstore/postgres/sqlClient';
import type { VaultKeyToCreate } from './syntheticLedger';

/**
 * Stores synthetic reporters' data keys in the vault's table, wrapped by the master key the
 * way PersonalDataVault wraps its own, in one statement per batch; PersonalDataVault.open
 * then reads the generated envelopes like any other. A key already there is kept.
 */
export async function storeSyntheticVaultKeys(tx: SqlQueryable, schema: string, masterKey: Buffer, keys: readonly VaultKeyToCreate[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `INSERT INTO ${checkSchemaName(schema)}.vault_keys (key_id, wrapped_key)
     SELECT k, decode(w, 'hex') FROM unnest($1::text[], $2::text[]) AS u(k, w) ON CONFLICT (key_id) DO NOTHING`,
    [keys.map((k) => k.keyId), keys.map((k) => packBox(gcmSeal(masterKey, k.dataKey, k.keyId)).toString('hex'))],
  );
}
