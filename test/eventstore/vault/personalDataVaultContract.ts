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
    const masterKey = randomBytes(32);
    let vault: PersonalDataVault;
    beforeAll(async () => {
      vault = await PersonalDataVault.open(subject().client, subject().schema, masterKey);
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

    test('envelopes opened together (a projection batch opens every reporter it brings) read their keys in one statement, erased ones included', async () => {
      const reporters = Array.from({ length: 60 }, (_, i) => ({ keyId: `reporter-${randomUUID()}`, name: `Pelapor ${i}`, erased: i % 12 === 0 }));
      const sealed = await Promise.all(reporters.map((r) => vault.seal(r.keyId, { name: r.name })));
      // A second envelope under the first live reporter's key: one key id asked for twice in the group.
      const again = await vault.seal(reporters[1]!.keyId, { name: 'Pelapor 1 lagi' });
      for (const r of reporters) if (r.erased) await vault.erase(r.keyId);
      const { client, schema } = subject();
      let keyReads = 0;
      const counting = new Proxy(client, {
        get(target, property) {
          const member: unknown = Reflect.get(target, property);
          if (property !== 'query' || typeof member !== 'function') return typeof member === 'function' ? member.bind(target) : member;
          return (text: string, ...rest: unknown[]) => {
            if (text.includes('vault_keys')) keyReads++;
            return member.call(target, text, ...rest);
          };
        },
      });
      const sameKeys = await PersonalDataVault.open(counting, schema, masterKey);
      keyReads = 0;
      const opened = await Promise.all([...sealed, again].map((envelope) => sameKeys.open(envelope)));
      expect(opened).toEqual([...reporters.map((r) => (r.erased ? { erased: true } : { erased: false, data: { name: r.name } })), { erased: false, data: { name: 'Pelapor 1 lagi' } }]);
      expect(keyReads).toBe(1);
    });
  });
}
