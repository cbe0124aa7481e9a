import { randomBytes } from 'node:crypto';
import { complaintEventRegistry } from '../../../domain/complaint';
import type { SealedPersonalData } from '../../../domain/personalData';
import { verifyChain } from '../../../eventstore/hashChain';
import type { RecordedEvent } from '../../../eventstore/port';
import { START } from '../../../eventstore/port';
import { bulkImport } from '../../../eventstore/postgres/bulkImport';
import { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { PersonalDataVault } from '../../../eventstore/vault/personalDataVault';
import { allProjections, collectionCatalog } from '../../../projections/catalog';
import { rebuildProjection } from '../../../projections/runner/rebuildProjection';
import { PostgresReadModelStore } from '../../../projections/store/postgres/postgresReadModelStore';
import { generateSyntheticLedger, type GeneratedComplaint } from '../../../app/tools/syntheticLedger/syntheticLedger';
import { writeSyntheticLedger } from '../../../app/tools/syntheticLedger/writeSyntheticLedger';
import { untilEventCountVisible } from './ledgerVisibility';
import { connect, dropSchema, uniqueSchema } from './testDatabase';

const COMPLAINTS = 300;
const bulkSchema = uniqueSchema('bulk');
const appendSchema = uniqueSchema('bulk_appended');
const masterKey = randomBytes(32);
let client: SqlClient;
let bulk: PostgresEventStore;
let appended: PostgresEventStore;
let vault: PersonalDataVault;
const sample: GeneratedComplaint[] = [...generateSyntheticLedger({ complaints: COMPLAINTS, seed: 5 })];

/** What must be equal between two ways of writing the same events (positions and times differ). */
const comparable = (events: readonly RecordedEvent[]) => events.map(({ streamId, streamRevision, type, data, metadata, hash }) => ({ streamId, streamRevision, type, data, metadata, hash }));

beforeAll(async () => {
  client = connect(6);
  bulk = await PostgresEventStore.open({ client, schema: bulkSchema, registry: complaintEventRegistry, pollIntervalMs: 50 });
  appended = await PostgresEventStore.open({ client, schema: appendSchema, registry: complaintEventRegistry });
  vault = await PersonalDataVault.open(client, bulkSchema, masterKey);
  const written = await writeSyntheticLedger({ complaints: COMPLAINTS, seed: 5 }, { client, schema: bulkSchema, masterKey, batchSize: 64 });
  expect(written.refusals).toBe(0);
});

afterAll(async () => {
  await bulk.close();
  await appended.close();
  await dropSchema(client, bulkSchema);
  await dropSchema(client, appendSchema);
  await client.close();
});

describe('bulkImport', () => {
  it('writes every stream so that verifyChain accepts it', async () => {
    for (const complaint of sample) {
      const events = await bulk.readStream(complaint.streamId);
      expect(events).toHaveLength(complaint.events.length);
      expect(verifyChain(events)).toEqual(expect.objectContaining({ valid: true }));
    }
  });

  it('reads back exactly what appendToStream writes for the same events', async () => {
    for (const complaint of sample.slice(0, 40)) {
      await appended.appendToStream(complaint.streamId, 'no_stream', complaint.events);
      expect(comparable(await bulk.readStream(complaint.streamId))).toEqual(comparable(await appended.readStream(complaint.streamId)));
    }
  });

  it('continues a stream from its current head, as an append would', async () => {
    const complaint = sample.slice(40).find((c) => c.events.length >= 4)!;
    const streamId = `${complaint.streamId}-continued`;
    const firstTwo = complaint.events.slice(0, 2);
    await appended.appendToStream(streamId, 'no_stream', firstTwo);
    await bulkImport({ client, schema: appendSchema, registry: complaintEventRegistry }, [{ streamId, events: complaint.events.slice(2) }]);
    const events = await appended.readStream(streamId);
    expect(events.map((e) => e.streamRevision)).toEqual(complaint.events.map((_, i) => i));
    expect(verifyChain(events).valid).toBe(true);
  });

  it('goes on with a stream that comes back later in the same batch, positions in the order given', async () => {
    const [a, b] = sample.slice(60).filter((c) => c.events.length >= 3);
    const streamA = `${a!.streamId}-sliced`;
    const streamB = `${b!.streamId}-sliced`;
    await bulkImport({ client, schema: appendSchema, registry: complaintEventRegistry }, [
      { streamId: streamA, events: a!.events.slice(0, 1) },
      { streamId: streamB, events: b!.events.slice(0, 2) },
      { streamId: streamA, events: a!.events.slice(1) },
      { streamId: streamB, events: b!.events.slice(2) },
    ]);
    const [eventsA, eventsB] = [await appended.readStream(streamA), await appended.readStream(streamB)];
    expect(eventsA.map((e) => e.streamRevision)).toEqual(a!.events.map((_, i) => i));
    expect(verifyChain(eventsA).valid && verifyChain(eventsB).valid).toBe(true);
    expect(eventsA[0]!.globalPosition < eventsB[0]!.globalPosition && eventsB[1]!.globalPosition < eventsA[1]!.globalPosition).toBe(true);
  });

  it('writes the synthetic ledger in the order its events happened, streams interleaved', async () => {
    const events = await bulk.readAll({ after: START, maxCount: 100_000 });
    const times = events.map((e) => Date.parse(e.metadata.occurredAt));
    expect(times.every((t, i) => i === 0 || times[i - 1]! <= t)).toBe(true);
    // Not stream after stream: more runs of one stream's events than there are streams.
    const runs = events.filter((e, i) => i === 0 || events[i - 1]!.streamId !== e.streamId).length;
    expect(runs).toBeGreaterThan(new Set(events.map((e) => e.streamId)).size);
  });

  it('refuses an event that fails its schema, writing nothing of the batch', async () => {
    const good = { streamId: 'complaint-bulk-good', events: sample[0]!.events };
    const bad = { streamId: 'complaint-bulk-bad', events: [{ ...sample[1]!.events[0]!, data: { nonsense: true } }] };
    await expect(bulkImport({ client, schema: appendSchema, registry: complaintEventRegistry }, [good, bad])).rejects.toThrow();
    expect(await appended.readStream('complaint-bulk-good')).toEqual([]);
  });

  it('delivers the imported events to a subscriber, in order, each once', async () => {
    const total = sample.reduce((n, c) => n + c.events.length, 0);
    const subscription = bulk.subscribeToAll(START);
    const seen: RecordedEvent[] = [];
    for await (const event of subscription) {
      seen.push(event);
      if (seen.length === total) break;
    }
    await subscription.close();
    expect(new Set(seen.map((e) => e.metadata.eventId)).size).toBe(total);
    expect(seen.map((e) => e.globalPosition)).toEqual([...seen.map((e) => e.globalPosition)].sort());
  });

  it('stores the reporters’ vault keys, so the vault opens the sealed personal data', async () => {
    for (const complaint of sample.slice(0, 25)) {
      const sealed = (complaint.events[0]!.data as { reporter: SealedPersonalData }).reporter;
      const opened = await vault.open(sealed);
      expect(opened.erased).toBe(false);
    }
  });

  it('gives a ledger every projection rebuilds without a poisoned event', async () => {
    const store = await PostgresReadModelStore.open({ client, schema: bulkSchema, catalog: collectionCatalog });
    const total = sample.reduce((n, c) => n + c.events.length, 0);
    // The gap-safe ledger read holds rows back while another test file's transaction is open.
    await untilEventCountVisible(bulk, total);
    for (const projection of allProjections) {
      const result = await rebuildProjection({ events: bulk, store, personalData: vault }, projection, { batchSize: 500 });
      expect(result.eventsRead).toBe(total);
      expect(await store.poisonRecords(result.slot)).toEqual([]);
    }
  });
});
