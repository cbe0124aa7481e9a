import { z } from 'zod';
import { syntheticDataKey } from '../app/tools/syntheticLedger/syntheticSealing';
import { generateSyntheticLedger } from '../app/tools/syntheticLedger/syntheticLedger';
import { PersonalData, type OpenedPersonalData, type SealedPersonalData } from '../domain/personalData';
import { encodeLedgerPosition } from '../eventstore/postgres/ledgerPosition';
import type { GlobalPosition } from '../eventstore/port';
import { gcmOpen } from '../eventstore/vault/aesGcm';
import type { Projection, ProjectionContext } from '../projections/projection';
import { eventChanges } from '../projections/runner/complaintChanges';
import { decodeEvent } from '../projections/runner/decodeEvent';
import { foldComplaint, type TrackedComplaint } from '../projections/shared/trackedComplaint';
import { nextGenerationNumber } from '../projections/runner/generations';
import { refKey, type DocumentRef, type PositionedChange, type StoredDocument } from '../projections/store/documents';
import type { ReadModelStore } from '../projections/store/readModelStore';

const BATCH = 2_000;

const Submission = z.looseObject({ trackingId: z.string() });

/** Opens a synthetic envelope with the key the seed derives, as the vault would with the stored one. */
function openSynthetic(seed: number, sealed: SealedPersonalData): OpenedPersonalData {
  const box = { iv: Buffer.from(sealed.iv, 'base64'), ciphertext: Buffer.from(sealed.ciphertext, 'base64'), tag: Buffer.from(sealed.tag, 'base64') };
  const plaintext = gcmOpen(syntheticDataKey(seed, sealed.keyId), box, sealed.keyId);
  return { erased: false, data: PersonalData.parse(JSON.parse(plaintext.toString('utf8'))) };
}

/**
 * A projection's read model of a synthetic ledger, without writing the ledger: each generated
 * complaint's events go through the projection's own `handle` (the real reducer, render and
 * aggregates) against documents held in memory, and the resulting documents are committed to
 * the store in large batches and promoted, as a rebuild would. The runner's round trips per
 * batch of events make a real rebuild of 100k complaints take many minutes on a shared
 * 2-core machine; this gives the same documents in a fraction of that, for benchmarks only.
 */
export async function projectSyntheticLedger(
  store: ReadModelStore,
  projection: Projection,
  options: { readonly complaints: number; readonly seed: number },
): Promise<{ readonly complaints: number; readonly events: number }> {
  const slot = { projection: projection.name, generation: nextGenerationNumber(await store.generations(projection.name)) };
  await store.beginGeneration(slot, projection.version);
  /** Documents more than one complaint writes (counts, statistics, agencies): kept until the end. */
  const shared = new Map<string, StoredDocument>();
  let checkpoint = '' as GlobalPosition;
  let position = 0n;
  let events = 0;
  let complaints = 0;
  let batch: PositionedChange[] = [];
  const flush = async (to: GlobalPosition): Promise<void> => {
    await store.commitBatch(slot, { from: checkpoint, to, changes: batch, poisoned: [] });
    checkpoint = to;
    batch = [];
  };

  for (const generated of generateSyntheticLedger({ complaints: options.complaints, seed: options.seed })) {
    const own = new Map<string, StoredDocument>();
    // A complaint's own documents are keyed by its id or its tracking id; the rest (counts, statistics, agencies) are shared.
    const ownIds = new Set<string>([generated.streamId.replace(/^complaint-/, ''), Submission.parse(generated.events[0]?.data).trackingId]);
    let tracked: TrackedComplaint | undefined;
    const context: ProjectionContext = { document: async (ref: DocumentRef) => own.get(refKey(ref)) ?? shared.get(refKey(ref)) };
    let last = checkpoint;
    for (const [revision, event] of generated.events.entries()) {
      last = encodeLedgerPosition({ transactionId: 1n, globalPosition: ++position });
      const decoded = decodeEvent({ ...event, streamId: generated.streamId, streamRevision: revision, globalPosition: last, hash: '', recordedAt: event.metadata.occurredAt });
      if (decoded.kind !== 'complaint') throw new Error(`synthetic event ${event.type} of ${generated.streamId} does not decode`);
      // The runner's fold (ComplaintTimeline) over this complaint's events, one at a time.
      const transition = await foldComplaint(tracked, decoded.event.event, async (sealed) => openSynthetic(options.seed, sealed));
      tracked = transition?.after;
      for (const change of await eventChanges(projection, decoded.event, transition, context)) {
        const target = ownIds.has(change.id) ? own : shared;
        if (change.kind === 'delete') target.delete(refKey(change));
        else target.set(refKey(change), { collection: change.collection, id: change.id, keys: change.keys, body: change.body, lastPosition: last });
      }
      events++;
    }
    for (const document of own.values()) batch.push({ kind: 'put', ...document, position: document.lastPosition });
    complaints++;
    if (batch.length >= BATCH) await flush(last);
  }
  for (const document of shared.values()) batch.push({ kind: 'put', ...document, position: document.lastPosition });
  await flush(encodeLedgerPosition({ transactionId: 1n, globalPosition: position + 1n }));
  await store.promoteGeneration(slot);
  return { complaints, events };
}
