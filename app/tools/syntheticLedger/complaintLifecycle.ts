import { createWorkingDayCalendar } from '../../../domain/calendar';
import {
  decide,
  evolve,
  complaintEventRegistry,
  scheduledActions,
  type CommandOf,
  type Complaint,
  type ComplaintCommand,
  type ComplaintState,
  type DecisionActor,
} from '../../../domain/complaint';
import { agencyRegistry } from '../../../domain/routing';
import { defaultTimeLimits } from '../../../domain/timeLimits';
import type { Channel } from '../../../eventstore/metadata';
import type { NewEvent } from '../../../eventstore/port';
import { OUTCOME_STEPS, type Outcome } from './outcomePlans';
import type { Prng } from './prng';
import { STEPS, type Step, type StepInput } from './lifecycleSteps';

const HOUR_MS = 3_600_000;
const calendar = createWorkingDayCalendar();
const ADMINS = Array.from({ length: 24 }, (_, i) => `admin-${String(i + 1).padStart(2, '0')}`);
const SCHEDULER: DecisionActor = { id: 'scheduler', role: 'system' };

export interface LifecycleInput {
  readonly prng: Prng;
  readonly submit: CommandOf<'SubmitComplaint'>;
  readonly submitter: DecisionActor;
  /** The logged-in reporter, when there is one. */
  readonly reporter: DecisionActor | undefined;
  readonly outcome: Outcome;
  readonly submittedAtMs: number;
  /** Nothing happens after this instant: complaints near it are still open. */
  readonly horizonMs: number;
  readonly proposedAgencyId: string;
  readonly earlierComplaintId: string | undefined;
}

export interface Lifecycle {
  readonly events: NewEvent[];
  /** A move the domain refused: a generator bug, reported rather than hidden. */
  readonly refusal?: string;
}

/** When the next move happens; undefined when a scheduler move has no deadline to wait for. */
function nextTime(step: Step, complaint: Complaint, nowMs: number, prng: Prng): number | undefined {
  const dueMs = complaint.deadline === undefined ? undefined : Date.parse(complaint.deadline.dueAt);
  switch (step.timing) {
    case 'afterDeadline':
      return dueMs === undefined ? undefined : Math.max(nowMs, dueMs) + prng.between(5, 90) * 60_000;
    case 'later':
      return nowMs + prng.between(24, 20 * 24) * HOUR_MS;
    case 'prompt':
      // Most moves come early in the window; squaring skews the share of time used towards 0.
      if (dueMs !== undefined && dueMs > nowMs + HOUR_MS) return nowMs + HOUR_MS / 2 + Math.pow(prng.next(), 2) * 0.9 * (dueMs - nowMs - HOUR_MS);
      return nowMs + prng.between(1, 72) * HOUR_MS;
  }
}

function actorFor(step: Step, complaint: Complaint, input: LifecycleInput): DecisionActor | undefined {
  switch (step.mover) {
    case 'admin':
      return { id: input.prng.pick(ADMINS), role: 'admin' };
    case 'agency':
      return complaint.owner.kind === 'agency' ? { id: `officer-${complaint.owner.agencyId}`, role: 'agency_officer', agencyId: complaint.owner.agencyId } : undefined;
    case 'reporter':
      return input.reporter;
    case 'system':
      return SCHEDULER;
  }
}

/** The scheduler issues what scheduledActions says is due, with the domain's own key. */
function commandFor(step: Step, stepInput: StepInput, atIso: string): ComplaintCommand | undefined {
  const planned = step.command(stepInput);
  if (step.mover !== 'system' || planned === undefined) return planned;
  const due = scheduledActions(stepInput.complaint, atIso).find((action) => action.type === planned.type);
  return due === undefined ? undefined : { type: due.type, key: due.key };
}

function channelOf(actor: DecisionActor, submissionChannel: Channel): Channel {
  if (actor.role === 'reporter') return submissionChannel === 'app' ? 'app' : 'web';
  return 'internal';
}

/**
 * Drives one complaint through the domain's decide, move by move, at simulated times, so
 * every event is one the command side would have appended and every deadline is the
 * domain's own. Stops at the horizon (the complaint stays open) or at a refusal.
 */
export function complaintLifecycle(input: LifecycleInput): Lifecycle {
  const { prng } = input;
  const events: NewEvent[] = [];
  let state: ComplaintState = { exists: false };
  let nowMs = input.submittedAtMs;

  const apply = (command: ComplaintCommand, actor: DecisionActor, atMs: number): string | undefined => {
    const now = new Date(atMs).toISOString();
    const decision = decide(state, command, { actor, now, agencies: agencyRegistry, limits: defaultTimeLimits, calendar });
    if (!decision.ok) return `${command.type} refused: ${decision.error.code} ${decision.error.message}`;
    const correlationId = prng.uuid();
    const channel = command.type === 'SubmitComplaint' ? input.submit.channel : channelOf(actor, input.submit.channel);
    for (const event of decision.events) {
      state = evolve(state, event);
      events.push({
        type: event.type,
        data: event.data,
        metadata: {
          eventId: prng.uuid(),
          actor: { id: actor.id, role: actor.role, ...(actor.agencyId === undefined ? {} : { agencyId: actor.agencyId }) },
          channel,
          correlationId,
          causationId: correlationId,
          occurredAt: now,
          schemaVersion: complaintEventRegistry[event.type]?.version ?? 1,
        },
      });
    }
    return undefined;
  };

  const submitRefusal = apply(input.submit, input.submitter, nowMs);
  if (submitRefusal !== undefined) return { events, refusal: submitRefusal };
  for (const name of OUTCOME_STEPS[input.outcome]) {
    if (!state.exists) break;
    const step = STEPS[name];
    const atMs = nextTime(step, state, nowMs, prng);
    if (atMs === undefined) continue;
    if (atMs > input.horizonMs) break;
    const actor = actorFor(step, state, input);
    const command = actor && commandFor(step, { prng, complaint: state, proposedAgencyId: input.proposedAgencyId, earlierComplaintId: input.earlierComplaintId }, new Date(atMs).toISOString());
    if (actor === undefined || command === undefined) continue;
    const refusal = apply(command, actor, atMs);
    if (refusal !== undefined) return { events, refusal: `${input.outcome}/${name}: ${refusal}` };
    nowMs = atMs;
  }
  return { events };
}
