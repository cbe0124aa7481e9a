import { randomUUID } from 'node:crypto';
import { loadComplaint } from '../../commands/complaintStream';
import { derivedUuid } from '../../commands/derivedId';
import type { HandleCommand } from '../../commands/handleCommand';
import { scheduledActions } from '../../domain/complaint';
import type { Actor } from '../../eventstore/metadata';
import type { EventStore } from '../../eventstore/port';

/** Complaints whose running deadline may have passed at `now` (a read model may lag or lead: the ledger decides). */
export type DueCandidates = (now: string) => AsyncIterable<string>;

export interface SchedulerDependencies {
  readonly store: EventStore;
  readonly handle: HandleCommand;
  readonly candidates: DueCandidates;
  readonly clock: () => Date;
}

export interface PassReport {
  /**
   * Commands accepted. One another scheduler appended a moment earlier counts here too (the
   * store answers a repeat of stored event ids like the first append): the ledger holds it once.
   */
  readonly issued: number;
  /** Commands the domain refused (the complaint moved on since it was loaded), or that kept losing races. */
  readonly notApplied: number;
}

/** Fixed namespace of the request seeds derived from schedule keys. */
const SCHEDULE_NAMESPACE = 'f9e412ea-036b-4f93-8183-7e4051ab61cb';
const SCHEDULER_ACTOR: Actor = { id: 'scheduler', role: 'system' };

/**
 * One pass: for each candidate, the domain's scheduledActions on the ledger's state, each
 * issued as a command whose request seed (hence event ids) derives from the schedule key.
 * Two schedulers issuing one key append its events once (the second finds them, or loses
 * the revision race and then finds them), and so does a scheduler restarted mid-pass.
 */
export async function runSchedulerPass(deps: SchedulerDependencies): Promise<PassReport> {
  const now = deps.clock().toISOString();
  const passId = `scheduler-pass-${randomUUID()}`;
  let issued = 0;
  let notApplied = 0;
  for await (const complaintId of deps.candidates(now)) {
    const { state } = await loadComplaint(deps.store, complaintId);
    for (const action of scheduledActions(state, now)) {
      const outcome = await deps.handle({
        complaintId,
        command: { type: action.type, key: action.key },
        actor: SCHEDULER_ACTOR,
        channel: 'internal',
        correlationId: passId,
        causationId: `schedule:${action.key}`.slice(0, 200),
        requestSeed: derivedUuid(SCHEDULE_NAMESPACE, action.key),
      });
      if (outcome.kind === 'accepted') issued++;
      else notApplied++;
    }
  }
  return { issued, notApplied };
}
