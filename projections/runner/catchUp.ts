import type { GlobalPosition } from '../../eventstore/port';
import { offersStreamwiseRead } from '../../eventstore/streamwiseRead';
import type { Projection } from '../projection';
import type { ProjectionSlot } from '../store/generations';
import { applyTogether, memberState, type CatchUpMember, type CatchUpOptions, type MemberState } from './catchUpMember';
import { ComplaintMemory } from './complaintMemory';
import { readLedgerBatch, type LedgerBatch } from './ledgerBatch';
import { applyBatch, type BatchDependencies } from './processBatch';
import { catchUpStreamwise } from './streamwisePhase';

export type { CatchUpMember, CatchUpOptions, CatchUpProgress } from './catchUpMember';

const earliest = (positions: readonly GlobalPosition[]): GlobalPosition => positions.reduce((a, b) => (b < a ? b : a));

/**
 * Runs batches until every member's generation reaches the head of the ledger. Each batch
 * of the ledger is read and decoded once, from the member furthest behind, and applied by
 * every member to the events after its own checkpoint, each committing on its own. If
 * another writer moves a member's checkpoint meanwhile, that member's batch is void
 * (nothing was written) and it resumes from where that writer left it. Generations no
 * reader sees are first rebuilt stream by stream where the ledger offers it (streamwisePhase).
 * Resolves with the ledger events each member read, by projection name.
 */
export async function catchUpTogether(dependencies: BatchDependencies, members: readonly CatchUpMember[], options: CatchUpOptions): Promise<Map<string, number>> {
  const states: MemberState[] = [];
  for (const member of members) states.push(await memberState(dependencies, member));
  const eventsRead = (): Map<string, number> => new Map(states.map((s) => [s.projection.name, s.eventsRead]));
  const memory = options.complaintMemory ?? new ComplaintMemory();
  const read = (after: GlobalPosition): Promise<LedgerBatch> => readLedgerBatch(dependencies.events, dependencies.personalData, after, options.batchSize, memory);
  let active = offersStreamwiseRead(dependencies.events) ? await catchUpStreamwise(dependencies, dependencies.events, states, options) : states;
  // Left part-rebuilt stream by stream only when asked to stop: the next catch-up resumes it.
  active = active.filter((state) => state.streamwiseHead === undefined);
  if (active.length === 0) return eventsRead();
  const start = earliest(active.map((s) => s.checkpoint));
  let next: ReadAhead = { from: start, batch: read(start), whileCommitting: false };
  try {
    while (active.length > 0 && !options.shouldStop?.()) {
      const batch = await next.batch;
      const last = batch.records.at(-1);
      if (!last) {
        // A read made while members committed may find nothing only because their open
        // transactions hold back what the gap-safe ledger read returns: only a read made
        // while nothing commits shows the head.
        if (!next.whileCommitting) break;
        next = { from: next.from, batch: read(next.from), whileCommitting: false };
        continue;
      }
      // The next batch is read and folded while this one is applied and committed.
      next = { from: last.globalPosition, batch: read(last.globalPosition), whileCommitting: true };
      const goesOn = await applyTogether(dependencies, active, options, (state) => applyBatch(dependencies.store, state.projection, state.slot, state.checkpoint, batch, state));
      active = active.filter((_, index) => goesOn[index]);
      const from = active.length > 0 ? earliest(active.map((s) => s.checkpoint)) : next.from;
      // A member whose checkpoint another writer moved resumes elsewhere: read from there.
      if (from !== next.from) {
        // Settled first: its fold must be done with the complaint memory before another read starts.
        await next.batch.catch(() => undefined);
        next = { from, batch: read(from), whileCommitting: false };
      }
    }
  } finally {
    // A read ahead left unused (stopped, or every member failed) is settled before returning:
    // it folds into the complaint memory, which a runner's next pass uses, and may fail unobserved.
    await next.batch.catch(() => undefined);
  }
  return eventsRead();
}

/** A ledger batch being read (and folded) after `from`, and whether members were committing meanwhile. */
interface ReadAhead {
  readonly from: GlobalPosition;
  readonly batch: Promise<LedgerBatch>;
  readonly whileCommitting: boolean;
}

/** catchUpTogether for one projection: resolves with the ledger events it read. */
export async function catchUp(
  dependencies: BatchDependencies,
  projection: Projection,
  slot: ProjectionSlot,
  options: Omit<CatchUpOptions, 'onFailure'>,
): Promise<number> {
  return (await catchUpTogether(dependencies, [{ projection, slot }], options)).get(projection.name) ?? 0;
}
