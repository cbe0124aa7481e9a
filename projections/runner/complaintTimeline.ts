import type { EventStore, GlobalPosition, RecordedEvent } from '../../eventstore/port';
import type { PersonalDataOpener, ProjectedEvent } from '../projection';
import { foldComplaint, type ComplaintTransition, type PersonalDataOpening, type TrackedComplaint } from '../shared/trackedComplaint';
import type { ComplaintMemory } from './complaintMemory';
import { decodeEvent, type DecodedEvent } from './decodeEvent';
import { guarded, InfrastructureFailure } from './infrastructureFailure';
import { poisonReason } from './poisonReason';

type TransitionOutcome = { readonly ok: true; readonly transition: ComplaintTransition | undefined } | { readonly ok: false; readonly reason: string };

/** Reads of earlier history in flight at once: a batch can touch hundreds of complaints whose start it does not hold. */
const STREAM_READS_AT_ONCE = 8;

/**
 * Every complaint event of a ledger batch with the transition it makes, folded once with the
 * domain's evolve and shared by every projection (which only render and count). A complaint's
 * state before its first event in the batch comes from the previous batch (ComplaintMemory) or
 * from its stream in the ledger; a history that cannot be folded (an event evolve refuses) makes
 * that event and the complaint's later ones in the batch poison for whoever applies them.
 */
export class ComplaintTimeline {
  private constructor(private readonly outcomes: ReadonlyMap<GlobalPosition, TransitionOutcome>) {}

  /** Undefined when the event leaves no complaint (nothing submitted in the stream). Throws when the history cannot be folded up to the event. */
  transitionAt(event: ProjectedEvent): ComplaintTransition | undefined {
    const outcome = this.outcomes.get(event.position);
    if (outcome === undefined) throw new Error(`event ${event.position} is not in this batch`);
    if (!outcome.ok) throw new Error(outcome.reason);
    return outcome.transition;
  }

  /** Folds the batch (`records` read after `after`, `decoded` beside them). Failures to read the ledger or the vault reject. */
  static async build(
    source: { readonly events: EventStore; readonly opener: PersonalDataOpener; readonly memory?: ComplaintMemory | undefined },
    after: GlobalPosition,
    records: readonly RecordedEvent[],
    decoded: readonly DecodedEvent[],
  ): Promise<ComplaintTimeline> {
    // Nothing read (the runner at the head): what the memory covers is unchanged.
    if (records.length === 0) return new ComplaintTimeline(new Map());
    const byComplaint = new Map<string, { event: ProjectedEvent; revision: number }[]>();
    decoded.forEach((item, index) => {
      if (item.kind !== 'complaint') return;
      const list = byComplaint.get(item.event.complaintId) ?? [];
      list.push({ event: item.event, revision: records[index]!.streamRevision });
      byComplaint.set(item.event.complaintId, list);
    });
    const remembered = source.memory?.continueAfter(after);
    const outcomes = new Map<GlobalPosition, TransitionOutcome>();
    // The vault failing is the batch's problem (it is retried), never the event's.
    const open: PersonalDataOpening = guarded((sealed) => source.opener.open(sealed));
    const foldBatchEvents = async (complaintId: string, events: readonly { event: ProjectedEvent; revision: number }[]): Promise<void> => {
      const first = events[0]!;
      let state: TrackedComplaint | undefined;
      try {
        // Revision 0 starts the stream: nothing to read before it.
        state = first.revision === 0 ? undefined : (remembered?.get(complaintId) ?? (await stateBefore(source.events, first.event, open)));
      } catch (error) {
        if (!(error instanceof UnreadableHistory)) throw error;
        for (const { event } of events) outcomes.set(event.position, { ok: false, reason: error.message });
        return;
      }
      for (const [index, { event }] of events.entries()) {
        let transition: ComplaintTransition | undefined;
        try {
          transition = await foldComplaint(state, event.event, open);
        } catch (error) {
          if (error instanceof InfrastructureFailure) throw error;
          const reason = poisonReason(error);
          for (const later of events.slice(index)) outcomes.set(later.event.position, { ok: false, reason });
          remembered?.forget(complaintId);
          return;
        }
        outcomes.set(event.position, { ok: true, transition });
        state = transition?.after;
      }
      if (state) remembered?.remember(complaintId, state);
    };
    const work = [...byComplaint.entries()];
    const workers = Array.from({ length: Math.min(STREAM_READS_AT_ONCE, work.length) }, async () => {
      for (let item = work.shift(); item; item = work.shift()) await foldBatchEvents(...item);
    });
    await Promise.all(workers);
    remembered?.coveredThrough(records.at(-1)!.globalPosition);
    return new ComplaintTimeline(outcomes);
  }
}

/** An earlier event of the stream cannot be decoded or folded: the stream's events here are poison. */
class UnreadableHistory extends Error {
  override readonly name = 'UnreadableHistory';
}

/** The complaint as of just before `event`, folded from its stream in the ledger. */
async function stateBefore(events: EventStore, event: ProjectedEvent, open: PersonalDataOpening): Promise<TrackedComplaint | undefined> {
  let state: TrackedComplaint | undefined;
  for (const record of await guarded(() => events.readStream(event.streamId))()) {
    if (record.globalPosition >= event.position) break;
    const decoded = decodeEvent(record);
    if (decoded.kind !== 'complaint') throw new UnreadableHistory(`an earlier event of ${event.streamId} (${record.globalPosition}) cannot be read: ${decoded.kind === 'invalid' ? decoded.reason : 'not a complaint event'}`);
    try {
      state = (await foldComplaint(state, decoded.event.event, open))?.after;
    } catch (error) {
      if (error instanceof InfrastructureFailure) throw error;
      throw new UnreadableHistory(`an earlier event of ${event.streamId} (${record.globalPosition}) cannot be folded: ${poisonReason(error)}`);
    }
  }
  return state;
}
