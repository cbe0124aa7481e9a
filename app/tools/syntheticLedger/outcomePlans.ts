import type { Prng } from './prng';
import { WeightedChoice } from './weightedChoice';

/** One move in a complaint's life; lifecycleSteps.ts says who makes it, when, and with what command. */
export type StepName =
  | 'dispose'
  | 'reroute'
  | 'rejectSpam'
  | 'rejectIncomplete'
  | 'rejectOutOfScope'
  | 'hold'
  | 'resumeFromHold'
  | 'requestInformation'
  | 'supplement'
  | 'merge'
  | 'accept'
  | 'acceptLate'
  | 'decline'
  | 'delegate'
  | 'followUp'
  | 'internalNote'
  | 'resolve'
  | 'reply'
  | 'rate'
  | 'reopen'
  | 'escalate'
  | 'autoClose';

export type Outcome =
  | 'rejected_spam'
  | 'rejected_incomplete'
  | 'information_not_supplied'
  | 'rejected_out_of_scope'
  | 'merged'
  | 'held_then_resolved'
  | 'information_then_resolved'
  | 'resolved'
  | 'resolved_and_rated'
  | 'resolved_after_reply'
  | 'reopened'
  | 'declined_and_rerouted'
  | 'declined_twice'
  | 'agency_silent'
  | 'resolution_overdue'
  | 'verification_overdue'
  | 'delegated_to_unit';

const WORKED = ['accept', 'followUp', 'resolve', 'autoClose'] as const satisfies readonly StepName[];

/** Each outcome as the sequence of moves that produce it. */
export const OUTCOME_STEPS: Readonly<Record<Outcome, readonly StepName[]>> = {
  rejected_spam: ['rejectSpam'],
  rejected_incomplete: ['rejectIncomplete'],
  information_not_supplied: ['requestInformation', 'autoClose'],
  rejected_out_of_scope: ['rejectOutOfScope'],
  merged: ['merge'],
  held_then_resolved: ['hold', 'resumeFromHold', ...WORKED],
  information_then_resolved: ['requestInformation', 'supplement', 'dispose', ...WORKED],
  resolved: ['dispose', ...WORKED],
  resolved_and_rated: ['dispose', 'accept', 'followUp', 'resolve', 'rate', 'autoClose'],
  resolved_after_reply: ['dispose', 'accept', 'followUp', 'reply', 'internalNote', 'followUp', 'resolve', 'autoClose'],
  reopened: ['dispose', 'accept', 'followUp', 'resolve', 'reopen', 'followUp', 'resolve', 'rate', 'autoClose'],
  declined_and_rerouted: ['dispose', 'decline', 'reroute', ...WORKED],
  declined_twice: ['dispose', 'decline', 'reroute', 'decline', 'reroute', ...WORKED],
  agency_silent: ['dispose', 'escalate', 'acceptLate', 'followUp', 'resolve', 'autoClose'],
  resolution_overdue: ['dispose', 'accept', 'escalate', 'followUp', 'resolve', 'autoClose'],
  verification_overdue: ['escalate', 'dispose', ...WORKED],
  delegated_to_unit: ['dispose', 'accept', 'delegate', 'followUp', 'resolve', 'autoClose'],
};

/**
 * The mix of outcomes, in percent. LAPOR! archives a large share of reports (spam,
 * incomplete, outside SP4N); most of the rest are disposed, followed up and closed when the
 * reporter stays silent; a minority are rated, reopened, declined or breach a limit.
 */
export const OUTCOME_SHARES: readonly (readonly [Outcome, number])[] = [
  ['rejected_spam', 7],
  ['rejected_incomplete', 5],
  ['information_not_supplied', 4],
  ['rejected_out_of_scope', 5],
  ['merged', 2],
  ['held_then_resolved', 2],
  ['information_then_resolved', 3],
  ['resolved', 28],
  ['resolved_and_rated', 14],
  ['resolved_after_reply', 5],
  ['reopened', 3],
  ['declined_and_rerouted', 8],
  ['declined_twice', 2],
  ['agency_silent', 5],
  ['resolution_overdue', 4],
  ['verification_overdue', 2],
  ['delegated_to_unit', 1],
];
const outcomes = new WeightedChoice(OUTCOME_SHARES);

/** Moves only a logged-in reporter can make (reply, supplement, rate, reopen). */
const NEEDS_ACCOUNT: readonly StepName[] = ['supplement', 'rate', 'reply', 'reopen'];

/** An outcome the complaint can actually reach: one needing the reporter's account falls back to plain resolution. */
export function drawOutcome(prng: Prng, withAccount: boolean): Outcome {
  const outcome = outcomes.draw(prng);
  if (withAccount || !OUTCOME_STEPS[outcome].some((step) => NEEDS_ACCOUNT.includes(step))) return outcome;
  return 'resolved';
}
