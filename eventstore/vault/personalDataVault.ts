import { randomBytes } from 'node:crypto';
import { PersonalData, type OpenedPersonalData, type SealedPersonalData } from '../../domain/personalData';
import { migrate } from '../postgres/migrate';
import { checkSchemaName, type SqlClient } from '../postgres/sqlClient';
import { gcmOpen, gcmSeal, packBox, unpackBox } from './aesGcm';
import { vaultMigrations } from './vaultMigrations';

export class ErasedKey extends Error {
  override readonly name = 'ErasedKey';
  constructor(readonly keyId: string) {
    super(`personal data key ${keyId} was erased; nothing more can be sealed under it`);
  }
}

interface KeyRow {
  wrapped_key: Uint8Array | null;
}

/**
 * Seals personal data for the ledger and opens it again, under a data key per reporter
 * kept in the same database and wrapped by a master key from configuration (UU PDP
 * 27/2022: erasure must be possible although events are immutable). Data keys are not
 * cached, so an erasure on one node takes effect on every node at once.
 */
export class PersonalDataVault {
  private constructor(
    private readonly client: SqlClient,
    private readonly schema: string,
    private readonly masterKey: Buffer,
  ) {}

  static async open(client: SqlClient, schema: string, masterKey: Buffer): Promise<PersonalDataVault> {
    if (masterKey.length !== 32) throw new RangeError('the vault master key must be 32 bytes');
    await migrate(client, checkSchemaName(schema), 'vault', vaultMigrations);
    return new PersonalDataVault(client, schema, masterKey);
  }

  async seal(keyId: string, data: PersonalData): Promise<SealedPersonalData> {
    const dataKey = await this.dataKeyFor(keyId);
    const box = gcmSeal(dataKey, Buffer.from(JSON.stringify(PersonalData.parse(data)), 'utf8'), keyId);
    return { keyId, alg: 'A256GCM', iv: box.iv.toString('base64'), ciphertext: box.ciphertext.toString('base64'), tag: box.tag.toString('base64') };
  }

  /** The data, or `erased` when the key is gone; throws when an envelope was tampered with. */
  async open(sealed: SealedPersonalData): Promise<OpenedPersonalData> {
    const [row] = await this.client.query<KeyRow>(`SELECT wrapped_key FROM ${this.schema}.vault_keys WHERE key_id = $1`, [sealed.keyId]);
    if (!row?.wrapped_key) return { erased: true };
    const dataKey = this.unwrap(sealed.keyId, row.wrapped_key);
    const plaintext = gcmOpen(dataKey, { iv: Buffer.from(sealed.iv, 'base64'), ciphertext: Buffer.from(sealed.ciphertext, 'base64'), tag: Buffer.from(sealed.tag, 'base64') }, sealed.keyId);
    return { erased: false, data: PersonalData.parse(JSON.parse(plaintext.toString('utf8'))) };
  }

  /** Destroys the key; every envelope sealed under it reads as erased from now on. */
  async erase(keyId: string): Promise<void> {
    await this.client.query(
      `INSERT INTO ${this.schema}.vault_keys (key_id, wrapped_key, erased_at) VALUES ($1, NULL, now())
       ON CONFLICT (key_id) DO UPDATE SET wrapped_key = NULL, erased_at = COALESCE(${this.schema}.vault_keys.erased_at, now())`,
      [keyId],
    );
    // The old row version keeps the key bytes on disk until vacuumed.
    await this.client.exec(`VACUUM ${this.schema}.vault_keys`).catch(() => undefined);
  }

  /**
   * One statement in the usual cases: a new key is inserted and used as it is, an existing one
   * comes back from the same statement. Only a key that another seal committed while this
   * statement ran is invisible to it (the insert waited for it and did nothing): it is read
   * by a second statement, so concurrent first seals agree on one key.
   */
  private async dataKeyFor(keyId: string): Promise<Buffer> {
    const fresh = randomBytes(32);
    const [row] = await this.client.query<KeyRow & { inserted: boolean }>(
      `WITH inserted AS (
         INSERT INTO ${this.schema}.vault_keys (key_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (key_id) DO NOTHING RETURNING key_id)
       SELECT NULL::bytea AS wrapped_key, true AS inserted FROM inserted
       UNION ALL
       SELECT wrapped_key, false FROM ${this.schema}.vault_keys WHERE key_id = $1`,
      [keyId, packBox(gcmSeal(this.masterKey, fresh, keyId))],
    );
    if (row?.inserted) return fresh;
    const [stored] = row ? [row] : await this.client.query<KeyRow>(`SELECT wrapped_key FROM ${this.schema}.vault_keys WHERE key_id = $1`, [keyId]);
    if (!stored?.wrapped_key) throw new ErasedKey(keyId);
    return this.unwrap(keyId, stored.wrapped_key);
  }

  private unwrap(keyId: string, wrapped: Uint8Array): Buffer {
    return gcmOpen(this.masterKey, unpackBox(Buffer.from(wrapped)), keyId);
  }
}
