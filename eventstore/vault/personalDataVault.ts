import { PersonalData, type OpenedPersonalData, type SealedPersonalData } from '../../domain/personalData';
import { AppendBatcher } from '../postgres/appendBatcher';
import { migrate } from '../postgres/migrate';
import { checkSchemaName, type SqlClient } from '../postgres/sqlClient';
import { gcmOpen, gcmSeal, packBox, unpackBox } from './aesGcm';
import { storeOrReadDataKeys, type DataKeyAnswer, type DataKeyRequest } from './dataKeyGroup';
import { pooledRandomBytes } from './randomPool';
import { readStoredKeys } from './storedKeys';
import { vaultMigrations } from './vaultMigrations';

export class ErasedKey extends Error {
  override readonly name = 'ErasedKey';
  constructor(readonly keyId: string) {
    super(`personal data key ${keyId} was erased; nothing more can be sealed under it`);
  }
}

/** Statements in flight at once, for key writes and for key reads (each holds a pool connection); requests arriving meanwhile wait for the next. */
const DATA_KEY_CALLS_IN_FLIGHT = 2;
const MAX_DATA_KEYS_PER_CALL = 500;

/**
 * Seals personal data for the ledger and opens it again, under a data key per reporter
 * kept in the same database and wrapped by a master key from configuration (UU PDP
 * 27/2022: erasure must be possible although events are immutable). Data keys are not
 * cached, so an erasure on one node takes effect on every node at once.
 */
export class PersonalDataVault {
  /** Data keys of seals that arrive together are stored and read in one statement. */
  private readonly dataKeys: AppendBatcher<DataKeyRequest, DataKeyAnswer>;
  /** Keys of envelopes opened together (a projection batch opens every reporter it brings at once) are read in one statement. */
  private readonly keyReads: AppendBatcher<string, Uint8Array | null>;

  private constructor(
    private readonly client: SqlClient,
    private readonly schema: string,
    private readonly masterKey: Buffer,
  ) {
    this.dataKeys = new AppendBatcher((requests) => storeOrReadDataKeys(client, schema, requests), {
      maxCallsInFlight: DATA_KEY_CALLS_IN_FLIGHT,
      maxEventsPerCall: MAX_DATA_KEYS_PER_CALL,
    });
    this.keyReads = new AppendBatcher((keyIds) => readStoredKeys(client, schema, keyIds), {
      maxCallsInFlight: DATA_KEY_CALLS_IN_FLIGHT,
      maxEventsPerCall: MAX_DATA_KEYS_PER_CALL,
    });
  }

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
    const wrapped = await this.storedKey(sealed.keyId);
    if (!wrapped) return { erased: true };
    const dataKey = this.unwrap(sealed.keyId, wrapped);
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

  private async dataKeyFor(keyId: string): Promise<Buffer> {
    const fresh = pooledRandomBytes(32);
    const answer = await this.dataKeys.submit({ keyId, wrappedNewKey: packBox(gcmSeal(this.masterKey, fresh, keyId)) }, 1);
    if (answer.kind === 'new_key_stored') return fresh;
    // Concurrent first seals agree on one key: one that lost to a key committed meanwhile reads the winner's.
    const wrapped = answer.kind === 'stored' ? answer.wrappedKey : await this.storedKey(keyId);
    if (!wrapped) throw new ErasedKey(keyId);
    return this.unwrap(keyId, wrapped);
  }

  private storedKey(keyId: string): Promise<Uint8Array | null> {
    return this.keyReads.submit(keyId, 1);
  }

  private unwrap(keyId: string, wrapped: Uint8Array): Buffer {
    return gcmOpen(this.masterKey, unpackBox(Buffer.from(wrapped)), keyId);
  }
}
