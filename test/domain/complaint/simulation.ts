import fc from 'fast-check';
import {
  COMPLAINT_COMMAND_TYPES,
  decide,
  evolve,
  scheduledActions,
  type ComplaintCommand,
  type ComplaintCommandType,
  type ComplaintState,
  type Decision,
  type DecisionActor,
} from '../../../domain/complaint';
import { COMPLAINT_ID, MASTER_ID, T0, actors, agencies, contextFor, submitCommand } from './fixtures';

/**
 * Random command sequences for the property tests. A step names a command type and some
 * random choices; the command and a plausible actor (right or wrong) are built from the
 * state at that moment, so sequences get deep into the lifecycle instead of being refused
 * at the first step.
 */
export interface Step {
  readonly type: ComplaintCommandType;
  readonly actorChoice: number;
  readonly choice: number;
  readonly flag: boolean;
  readonly advanceHours: number;
}

/** Commands that end a complaint are drawn less often, so sequences live long enough to matter. */
const ENDING: ReadonlySet<ComplaintCommandType> = new Set(['RejectComplaint', 'MergeDuplicate', 'AutoCloseComplaint']);
const commandTypeArbitrary = fc.oneof(
  ...COMPLAINT_COMMAND_TYPES.map((type) => ({ arbitrary: fc.constant(type), weight: ENDING.has(type) ? 1 : 4 })),
);

export const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  type: commandTypeArbitrary,
  // Mostly the right actor (candidate 0), often enough a wrong one.
  actorChoice: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.nat({ max: 7 }), weight: 1 }),
  choice: fc.nat({ max: 7 }),
  flag: fc.boolean(),
  advanceHours: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 24 * 6 })),
});

/** Sequences start with a submission nine times in ten, then 5 to 40 further steps. */
export const sequenceArbitrary: fc.Arbitrary<Step[]> = fc
  .tuple(
    fc.oneof({ arbitrary: fc.constant(true), weight: 9 }, { arbitrary: fc.constant(false), weight: 1 }),
    fc.array(stepArbitrary, { minLength: 5, maxLength: 40, size: 'max' }),
  )
  .map(([startWithSubmit, steps]) =>
    startWithSubmit ? [{ type: 'SubmitComplaint' as const, actorChoice: 0, choice: 0, flag: false, advanceHours: 0 }, ...steps] : steps,
  );

const AGENCIES = ['pemkot-bandung', 'pemkot-bogor', 'pemprov-jabar', 'kemenkes', 'pemkot-bandung-dishub', 'kemen-fiktif'];
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
const officerOf = (agencyId: string | undefined): DecisionActor => ({ id: `officer-${agencyId ?? 'none'}`, role: 'agency_officer', agencyId: agencyId ?? 'none' });

function candidateActors(type: ComplaintCommandType, state: ComplaintState): readonly DecisionActor[] {
  const owner = state.exists ? state.owner : undefined;
  const owningAgency = owner?.kind === 'agency' ? owner.agencyId : undefined;
  switch (type) {
    case 'SubmitComplaint':
      return [actors.reporter, actors.citizen, actors.gateway, actors.admin];
    case 'AcceptAssignment':
    case 'DeclineAssignment':
    case 'DelegateToUnit':
    case 'PostFollowUp':
    case 'ResolveComplaint':
      return [
        officerOf(owningAgency),
        officerOf(owningAgency && agencies.parentOf(owningAgency)),
        officerOf(owner?.kind === 'agency' ? owner.unitId : undefined),
        actors.kemenkes,
        actors.admin,
      ];
    case 'ReplyToFollowUp':
    case 'SupplementInformation':
    case 'RateOutcome':
    case 'ReopenComplaint':
    case 'MakeConfidential':
    case 'EraseReporterData':
    case 'SupportComplaint':
      return [actors.reporter, actors.otherReporter, actors.admin, actors.citizen, actors.bandung];
    case 'RecordOversightFinding':
      return [actors.ombudsman, actors.admin];
    case 'EscalateComplaint':
    case 'AutoCloseComplaint':
      return [actors.system, actors.admin];
    default:
      return [actors.admin, actors.bandung, actors.reporter];
  }
}

function commandFor(step: Step, state: ComplaintState, actor: DecisionActor, now: string): ComplaintCommand {
  const text = { text: `Teks ${step.choice}`, attachments: [] };
  switch (step.type) {
    case 'SubmitComplaint':
      return actor.role === 'channel_gateway'
        ? submitCommand({ channel: 'sms', channelMessageId: `m-${step.choice}`, anonymous: step.flag, confidential: step.choice % 2 === 0 })
        : submitCommand({ anonymous: step.flag, confidential: step.choice % 2 === 0 });
    case 'DisposeComplaint':
      return { type: 'DisposeComplaint', agencyId: pick(AGENCIES, step.choice) };
    case 'RejectComplaint':
      return { type: 'RejectComplaint', rejection: step.flag ? { reason: 'spam' } : { reason: 'out_of_scope', matter: 'criminal' } };
    case 'HoldComplaint':
      return { type: 'HoldComplaint', reason: 'Tunda.' };
    case 'RequestInformation':
      return { type: 'RequestInformation', question: 'Detail?' };
    case 'MergeDuplicate':
      return { type: 'MergeDuplicate', masterComplaintId: step.flag ? MASTER_ID : COMPLAINT_ID };
    case 'RedactPublicText':
      return { type: 'RedactPublicText', title: 'Judul', chronology: 'Kronologi' };
    case 'AcceptAssignment':
      return { type: 'AcceptAssignment', resolutionClass: pick(['short', 'medium', 'long'] as const, step.choice) };
    case 'DeclineAssignment':
      return step.choice % 4 === 0 ? { type: 'DeclineAssignment', reason: 'Bukan wewenang.' } : { type: 'DeclineAssignment', reason: 'Bukan wewenang.', suggestedAgencyId: pick(AGENCIES, step.choice) };
    case 'DelegateToUnit':
      return { type: 'DelegateToUnit', unitId: pick(AGENCIES, step.choice + 4) };
    case 'PostFollowUp':
      return { type: 'PostFollowUp', followUpId: `fu-${step.choice}`, visibility: step.flag ? 'public' : 'internal', ...text };
    case 'ResolveComplaint':
      return { type: 'ResolveComplaint', summary: 'Selesai.' };
    case 'ReplyToFollowUp':
      return { type: 'ReplyToFollowUp', ...text };
    case 'SupplementInformation':
      return { type: 'SupplementInformation', ...text };
    case 'RateOutcome':
      return { type: 'RateOutcome', score: 1 + (step.choice % 5) };
    case 'ReopenComplaint':
      return { type: 'ReopenComplaint', reason: 'Belum beres.' };
    case 'RecordOversightFinding':
      return { type: 'RecordOversightFinding', findingId: `f-${step.choice}`, finding: 'Temuan.', maladministration: step.flag };
    case 'SupportComplaint':
      return { type: 'SupportComplaint' };
    case 'MakeConfidential':
      return { type: 'MakeConfidential' };
    case 'EraseReporterData':
      return { type: 'EraseReporterData' };
    case 'EscalateComplaint':
    case 'AutoCloseComplaint': {
      // Mostly what the scheduler would issue now; sometimes a stale or made-up key.
      const due = scheduledActions(state, now).find((a) => a.type === step.type);
      return { type: step.type, key: due && step.choice < 6 ? due.key : `stale-${step.choice}` };
    }
  }
}

export interface Transition {
  readonly before: ComplaintState;
  readonly actor: DecisionActor;
  readonly command: ComplaintCommand;
  readonly decision: Decision;
  readonly after: ComplaintState;
}

/** Runs the steps through decide and evolve, as the command side will, keeping every transition. */
export function simulate(steps: readonly Step[]): Transition[] {
  let state: ComplaintState = { exists: false };
  let nowMs = Date.parse(T0);
  return steps.map((step) => {
    nowMs += step.advanceHours * 3_600_000;
    const now = new Date(nowMs).toISOString();
    const actor = pick(candidateActors(step.type, state), step.actorChoice);
    const command = commandFor(step, state, actor, now);
    const context = contextFor(actor, now, { allowDeclineToNamedAgency: step.flag });
    const decision = decide(state, command, context);
    const before = state;
    if (decision.ok) state = decision.events.reduce(evolve, state);
    return { before, actor, command, decision, after: state };
  });
}
