import { randomUUID } from 'node:crypto';
import { rebuild, type ComplaintEvent } from '../../../domain/complaint';
import type { OpenedPersonalData } from '../../../domain/personalData';
import { START, type GlobalPosition } from '../../../eventstore/port';
import type { PersonalDataOpener, ProjectedEvent } from '../../../projections/projection';
import { ComplaintMemory } from '../../../projections/runner/complaintMemory';
import { InfrastructureFailure } from '../../../projections/runner/infrastructureFailure';
import { readLedgerBatch, type LedgerBatch } from '../../../projections/runner/ledgerBatch';
import { InMemoryEventStore } from '../../commands/inMemoryEventStore';
import { events as fixtures } from '../../domain/complaint/fixtures';

const REPORTER: OpenedPersonalData = { erased: false, data: { name: 'Siti Canary', phone: '081200000001' } };
const A = '5f0c2b9e-7a1d-4c3e-9b8a-2d4e6f8a0b1c';
const B = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const vault: PersonalDataOpener = { open: async () => REPORTER };

async function append(store: InMemoryEventStore, streamId: string, events: readonly ComplaintEvent[]): Promise<void> {
  const metadata = { actor: { id: 'admin-1', role: 'admin' as const }, channel: 'web' as const, correlationId: randomUUID(), causationId: randomUUID(), occurredAt: '2025-03-03T09:00:00+07:00', schemaVersion: 1 };
  await store.appendToStream(streamId, 'any', events.map((event) => ({ type: event.type, data: event.data, metadata: { ...metadata, eventId: randomUUID() } })));
}

const complaintEvents = (batch: LedgerBatch): ProjectedEvent[] => batch.decoded.flatMap((d) => (d.kind === 'complaint' ? [d.event] : []));

/** A ledger where complaint A's submission and verification come before the position returned, its disposal and acceptance after. */
async function ledgerWithHistoryBefore(store: InMemoryEventStore): Promise<GlobalPosition> {
  await append(store, 'complaint-a', [fixtures.submitted({ complaintId: A }), fixtures.verified()]);
  const [verified] = (await store.readStream('complaint-a')).slice(-1);
  await append(store, 'complaint-a', [fixtures.disposed(), fixtures.accepted()]);
  return verified!.globalPosition;
}

describe('ComplaintTimeline', () => {
  it("starts a complaint whose first event in the batch is not its submission from its stream's earlier events", async () => {
    const store = new InMemoryEventStore();
    const after = await ledgerWithHistoryBefore(store);
    const batch = await readLedgerBatch(store, vault, after, 10);
    const [disposed, accepted] = complaintEvents(batch);
    const transition = batch.timeline.transitionAt(disposed!);
    expect(transition?.before?.complaint).toEqual(rebuild([fixtures.submitted({ complaintId: A }), fixtures.verified()]));
    expect(transition?.before?.reporter).toEqual(REPORTER);
    expect(transition?.after.complaint.owner).toEqual({ kind: 'agency', agencyId: 'pemkot-bandung' });
    // The next event starts from the previous one's state, the same object.
    expect(batch.timeline.transitionAt(accepted!)?.before).toBe(transition?.after);
  });

  it('takes a complaint from memory when the batch follows the one before, without reading its stream', async () => {
    const store = new InMemoryEventStore();
    const after = await ledgerWithHistoryBefore(store);
    const memory = new ComplaintMemory();
    await readLedgerBatch(store, vault, START, 2, memory);
    const readsBefore = store.readStreamCalls;
    const batch = await readLedgerBatch(store, vault, after, 10, memory);
    expect(store.readStreamCalls).toBe(readsBefore);
    expect(batch.timeline.transitionAt(complaintEvents(batch)[0]!)?.before?.complaint).toEqual(rebuild([fixtures.submitted({ complaintId: A }), fixtures.verified()]));
  });

  it('keeps what the memory covers across a read that finds nothing (a runner polling at the head)', async () => {
    const store = new InMemoryEventStore();
    await append(store, 'complaint-a', [fixtures.submitted({ complaintId: A }), fixtures.verified()]);
    const memory = new ComplaintMemory();
    const head = (await readLedgerBatch(store, vault, START, 10, memory)).records.at(-1)!.globalPosition;
    expect((await readLedgerBatch(store, vault, head, 10, memory)).records).toHaveLength(0);
    await append(store, 'complaint-a', [fixtures.disposed()]);
    const readsBefore = store.readStreamCalls;
    const batch = await readLedgerBatch(store, vault, head, 10, memory);
    expect(store.readStreamCalls).toBe(readsBefore);
    expect(batch.timeline.transitionAt(complaintEvents(batch)[0]!)?.before?.complaint).toEqual(rebuild([fixtures.submitted({ complaintId: A }), fixtures.verified()]));
  });

  it('reads the stream again when the batch does not follow the one the memory ends with', async () => {
    const store = new InMemoryEventStore();
    const after = await ledgerWithHistoryBefore(store);
    const memory = new ComplaintMemory();
    // Remembers complaint A after all four events, then a batch re-reads from the verification.
    await readLedgerBatch(store, vault, START, 10, memory);
    const readsBefore = store.readStreamCalls;
    const batch = await readLedgerBatch(store, vault, after, 10, memory);
    expect(store.readStreamCalls).toBe(readsBefore + 1);
    expect(batch.timeline.transitionAt(complaintEvents(batch)[0]!)?.before?.complaint).toEqual(rebuild([fixtures.submitted({ complaintId: A }), fixtures.verified()]));
  });

  it("makes a complaint's events poison when an earlier event of its stream cannot be read, and only that complaint's", async () => {
    const store = new InMemoryEventStore();
    await append(store, 'complaint-a', [fixtures.submitted({ complaintId: A })]);
    await store.appendToStream('complaint-a', 'any', [{ type: 'ComplaintVerified', data: { at: 'not a time' }, metadata: (await store.readStream('complaint-a'))[0]!.metadata }]);
    const [broken] = (await store.readStream('complaint-a')).slice(-1);
    await append(store, 'complaint-a', [fixtures.disposed()]);
    await append(store, 'complaint-b', [fixtures.submitted({ complaintId: B })]);
    const batch = await readLedgerBatch(store, vault, broken!.globalPosition, 10);
    const [disposedA, submittedB] = complaintEvents(batch);
    expect(() => batch.timeline.transitionAt(disposedA!)).toThrow(/cannot be read/);
    expect(batch.timeline.transitionAt(submittedB!)?.after.complaint.complaintId).toBe(B);
  });

  it('fails the whole batch, not the event, when the vault cannot open a reporter', async () => {
    const store = new InMemoryEventStore();
    await append(store, 'complaint-a', [fixtures.submitted({ complaintId: A })]);
    const down: PersonalDataOpener = { open: async () => Promise.reject(new Error('vault unreachable')) };
    await expect(readLedgerBatch(store, down, START, 10)).rejects.toBeInstanceOf(InfrastructureFailure);
  });
});
