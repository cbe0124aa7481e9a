import { decideReporter, reporterEventRegistry, type ReporterCommand } from '../../domain/reporter';
import { WrongExpectedVersion } from '../../eventstore/errors';
import type { Actor } from '../../eventstore/metadata';
import type { EventStore } from '../../eventstore/port';
import { derivedUuid } from '../derivedId';
import type { HandleCommand } from '../handleCommand';
import { reporterKeyId } from '../intake/personalDataKeys';
import { loadReporter, reporterStreamId } from './reporterStream';
import type { PendingErasures } from './pendingErasures';
import type { ReporterComplaintIds } from './reporterComplaintIds';

export interface ReporterErasureDependencies {
  readonly store: EventStore;
  readonly vault: { erase(keyId: string): Promise<void> };
  readonly handle: HandleCommand;
  readonly complaintIds: ReporterComplaintIds;
  readonly clock: () => Date;
  /** Where the scheduler finds erasures still under way. */
  readonly pending: Pick<PendingErasures, 'add' | 'remove'>;
}

export interface ErasureProgress {
  /** Complaints that carry ReporterDataErased (now or from an earlier pass). */
  readonly complaintsMarked: number;
  /** ReporterErasureCompleted is recorded; until then passes keep looking for late complaints. */
  readonly completed: boolean;
}

/** Fixed namespace of the ids derived from a reporter id: a retry derives the same ones. */
const ERASURE_NAMESPACE = '5b0c2f4e-8a61-4d2a-9f0e-3c7d1e9a6b42';
const ATTEMPTS = 5;

/**
 * Erases a reporter, resumably: (0) a pending-erasure row for the scheduler, (1) ReporterErasureRequested in the reporter's stream,
 * (2) the vault key destroyed (from then on nothing new can be sealed for the account),
 * (3) EraseReporterData on each of the account's complaints, as the one who asked, with
 * request seeds derived from the reporter and complaint ids, (4) ReporterErasureCompleted
 * once the settle window has passed, and the pending row removed. Every step is idempotent, so a retry of the request
 * or a scheduler pass over a pending erasure finishes a crashed one and appends nothing twice.
 */
export async function eraseReporter(deps: ReporterErasureDependencies, reporterId: string, requester: Actor): Promise<ErasureProgress> {
  await deps.pending.add(reporterId, requester);
  const requestedBy = await decideAndAppend(deps, reporterId, { type: 'RequestErasure' }, requester);
  // RequestErasure is never refused; the narrowing only satisfies the type.
  if (requestedBy === 'not_settled') throw new Error('unreachable: a request cannot be unsettled');
  await deps.vault.erase(reporterKeyId(reporterId));
  let complaintsMarked = 0;
  for (const complaintId of await deps.complaintIds(reporterId)) {
    const outcome = await deps.handle({
      complaintId,
      command: { type: 'EraseReporterData' },
      actor: requestedBy,
      channel: 'internal',
      correlationId: `reporter-erasure-${reporterId}`,
      causationId: `reporter-erasure-${reporterId}`,
      requestSeed: derivedUuid(ERASURE_NAMESPACE, `${reporterId}/complaint/${complaintId}`),
    });
    // already_erased: marked by an earlier pass that used another seed (the reporter acting on one complaint).
    if (outcome.kind === 'accepted' || (outcome.kind === 'refused' && outcome.error.code === 'already_erased')) complaintsMarked++;
  }
  const completion = await decideAndAppend(deps, reporterId, { type: 'CompleteErasure', complaints: complaintsMarked }, requestedBy);
  if (completion === 'not_settled') return { complaintsMarked, completed: false };
  await deps.pending.remove(reporterId);
  return { complaintsMarked, completed: true };
}

/** Decides on the reporter stream and appends with ids derived from the reporter and event type; answers who requested the erasure. */
async function decideAndAppend(deps: ReporterErasureDependencies, reporterId: string, command: ReporterCommand, actor: Actor): Promise<Actor | 'not_settled'> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await loadReporter(deps.store, reporterId);
    const now = deps.clock().toISOString();
    const decision = decideReporter(loaded.state, command, now);
    if (!decision.ok) {
      if (decision.code === 'erasure_not_settled') return 'not_settled';
      // Only after RequestErasure was recorded does anyone complete: its absence is a bug.
      throw new Error(decision.message);
    }
    const requested = loaded.recorded.find((event) => event.type === 'ReporterErasureRequested');
    if (decision.events.length === 0) return requested?.metadata.actor ?? actor;
    const events = decision.events.map((event) => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: derivedUuid(ERASURE_NAMESPACE, `${reporterId}/${event.type}`),
        actor: requested?.metadata.actor ?? actor,
        channel: 'internal' as const,
        correlationId: `reporter-erasure-${reporterId}`,
        causationId: `reporter-erasure-${reporterId}`,
        occurredAt: now,
        schemaVersion: reporterEventRegistry[event.type]!.version,
      },
    }));
    try {
      await deps.store.appendToStream(reporterStreamId(reporterId), loaded.revision ?? 'no_stream', events);
      return requested?.metadata.actor ?? actor;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion) || attempt >= ATTEMPTS) throw error;
    }
  }
}
