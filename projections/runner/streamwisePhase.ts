import { START, type GlobalPosition } from '../../eventstore/port';
import type { StreamwiseRead } from '../../eventstore/streamwiseRead';
import { applyTogether, type CatchUpOptions, type MemberState } from './catchUpMember';
import { ledgerBatchOf, type LedgerBatch } from './ledgerBatch';
import { applyRange, type BatchDependencies } from './processBatch';

/** A generation no reader sees, not begun yet or already part-rebuilt stream by stream. */
const readsStreamwise = (state: MemberState): boolean => state.streamwiseHead !== undefined || (state.unseen && state.checkpoint === START);

/** A window of streams, decoded and folded, and how far the ledger was searched for it. */
interface Window {
  readonly batch: LedgerBatch;
  readonly searchedThrough: GlobalPosition | undefined;
}

/**
 * The first phase of rebuilding generations no reader sees: the ledger up to a gap-safe head
 * is read stream by stream, a window at a time: the streams that begin among the next
 * batchSize events of the ledger, whole (about batchSize events in all), so that each
 * complaint is folded in one go from its first event and its documents written once. Read
 * models allow it: a complaint's documents depend on its own events only, and aggregates are
 * sums, the same in any order across complaints. Each window commits as a batch carrying the
 * head (see GenerationStatus.streamwiseHead), so a crash resumes the phase where it stopped.
 * Once a window reaches the head the generations hold the ledger up to it, and the catch-up
 * goes on in ledger order. Resolves with the members still going (the others failed and were
 * reported); a member still part-rebuilt stream by stream is left only when asked to stop.
 */
export async function catchUpStreamwise(dependencies: BatchDependencies, ledger: StreamwiseRead, members: readonly MemberState[], options: CatchUpOptions): Promise<MemberState[]> {
  let active = [...members];
  const settled = new Set<MemberState>();
  for (;;) {
    const lead = active.find((state) => readsStreamwise(state) && !settled.has(state));
    if (!lead || options.shouldStop?.()) return active;
    // Members go together while they stand at the same point (another writer may have moved one elsewhere).
    const group = active.filter((s) => readsStreamwise(s) && !settled.has(s) && s.checkpoint === lead.checkpoint && s.streamwiseHead === lead.streamwiseHead);
    const head = lead.streamwiseHead ?? (await ledger.gapSafeHead());
    // An empty ledger: nothing to read stream by stream.
    if (head === START) group.forEach((state) => settled.add(state));
    else {
      const failed = await readWindowsTogether(dependencies, ledger, group, head, options);
      active = active.filter((state) => !failed.has(state));
      for (const state of group) if (state.streamwiseHead === undefined && state.checkpoint === head) settled.add(state);
    }
  }
}

/** Applies window after window up to `head` with every member of the group that stays with it. Resolves with those that failed. */
async function readWindowsTogether(dependencies: BatchDependencies, ledger: StreamwiseRead, group: readonly MemberState[], head: GlobalPosition, options: CatchUpOptions): Promise<Set<MemberState>> {
  const read = async (after: GlobalPosition): Promise<Window> => {
    const { records, searchedThrough } = await ledger.readStreamsBegun({ after, span: options.batchSize, through: head });
    return { batch: await ledgerBatchOf(dependencies.events, dependencies.personalData, after, records), searchedThrough };
  };
  const failed = new Set<MemberState>();
  let members = [...group];
  let from = group[0]!.checkpoint;
  let fromHead = group[0]!.streamwiseHead;
  let next = read(from);
  try {
    while (members.length > 0 && !options.shouldStop?.()) {
      const window = await next;
      const done = window.searchedThrough === undefined || window.searchedThrough === head;
      const range = { from, to: window.searchedThrough ?? head, fromHead, toHead: done ? undefined : head };
      // The next window is read and folded while this one is applied and committed.
      if (!done) next = read(range.to);
      const goesOn = await applyTogether(dependencies, members, options, (state) => applyRange(dependencies.store, state.projection, state.slot, range, window.batch, state));
      members.forEach((state, index) => goesOn[index] || failed.add(state));
      // A member another writer moved leaves the group, and resumes from where that writer left it.
      members = members.filter((state, index) => goesOn[index] && state.checkpoint === range.to && state.streamwiseHead === range.toHead);
      if (done) break;
      from = range.to;
      fromHead = range.toHead;
    }
  } finally {
    // A window read ahead and left unused (stopped, or every member left) may fail unobserved.
    await next.catch(() => undefined);
  }
  return failed;
}
