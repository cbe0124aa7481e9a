import { randomBytes, randomUUID } from 'node:crypto';
import { verifyChain } from '../../../eventstore/hashChain';
import type { EventStore } from '../../../eventstore/port';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { ErasedKey, PersonalDataVault } from '../../../eventstore/vault/personalDataVault';
import { testEvent, uniqueStreamId } from '../testEvents';

export interface VaultSubject {
  readonly store: EventStore;
  readonly client: SqlClient;
  readonly schema: string;
}

const person = { name: 'Siti Canary', phone: '+6281234567890', email: 'siti@example.id', nik: '3273010101900001' };

/** The personal-data vault on a real database: what erasure must and must not change. */
export function personalDataVaultContract(name: string, subject: () => VaultSubject): void {
  describe(`${name} personal-data vault`, () => {
    let vault: PersonalDataVault;
    beforeAll(async () => {
      vault = await PersonalDataVault.open(subject().client, subject().schema, randomBytes(32));
    });

    test('seals personal data so that the envelope does not contain it, and opens it again', async () => {
      const keyId = `reporter-${randomUUID()}`;
      const sealed = await vault.seal(keyId, person);
      const stored = JSON.stringify(sealed);
      for (const value of Object.values(person)) expect(stored).not.toContain(value);
      expect(await vault.open(sealed)).toEqual({ erased: false, data: person });
    });

    test('erasing a reporter makes their data unreadable while the ledger stays intact and verifiable', async () => {
      const { store } = subject();
      const keyId = `reporter-${randomUUID()}`;
      const otherKeyId = `reporter-${randomUUID()}`;
      const streamId = uniqueStreamId('complaint');
      const sealed = await vault.seal(keyId, person);
      const other = await vault.seal(otherKeyId, { name: 'Budi' });
      await store.appendToStream(streamId, 'no_stream', [testEvent('PersonRecorded', { person: sealed }), testEvent('PersonRecorded', { person: other })]);

      await vault.erase(keyId);

      const events = await store.readStream(streamId);
      expect(events.map((e) => e.data)).toEqual([{ person: sealed }, { person: other }]);
      expect(verifyChain(events).valid).toBe(true);
      expect(await vault.open(sealed)).toEqual({ erased: true });
      expect(await vault.open(other)).toEqual({ erased: false, data: { name: 'Budi' } });
      await expect(vault.seal(keyId, { name: 'again' })).rejects.toBeInstanceOf(ErasedKey);
    });

    test('a tampered envelope or another master key does not open', async () => {
      const keyId = `reporter-${randomUUID()}`;
      const sealed = await vault.seal(keyId, person);
      const flipped = Buffer.from(sealed.ciphertext, 'base64');
      flipped[0] = flipped[0]! ^ 1;
      await expect(vault.open({ ...sealed, ciphertext: flipped.toString('base64') })).rejects.toThrow();
      await expect(vault.open({ ...sealed, keyId: `reporter-${randomUUID()}` })).resolves.toEqual({ erased: true });
      const stranger = await PersonalDataVault.open(subject().client, subject().schema, randomBytes(32));
      await expect(stranger.open(sealed)).rejects.toThrow();
    });

    test('concurrent first seals under one key agree on that key', async () => {
      const keyId = `reporter-${randomUUID()}`;
      const sealedMany = await Promise.all(Array.from({ length: 8 }, (_, i) => vault.seal(keyId, { name: `n${i}` })));
      const opened = await Promise.all(sealedMany.map((s) => vault.open(s)));
      expect(opened).toEqual(sealedMany.map((_, i) => ({ erased: false, data: { name: `n${i}` } })));
    });
  });
}
