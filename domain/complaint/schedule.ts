import { CLOSING_STAGES, ESCALATING_STAGES, type Deadline } from './stage';
import type { ComplaintState } from './state';

/**
 * Deadlines are computed once, by decide, with the working-day calendar of that moment,
 * and stored in the events; these functions only read them. So a later change to the
 * holiday table never silently moves a deadline already promised, and a rebuild gives
 * the same dates.
 */

/** The deadlines running now: one per open complaint at most (none while on hold). */
export function dueDates(state: ComplaintState): readonly Deadline[] {
  return state.exists && state.status !== 'closed' && state.deadline !== undefined ? [state.deadline] : [];
}

/** The running deadline that has passed at `now`, if any. */
/** The one overdue rule: a deadline has passed once `now` is after its due instant. */
export function isPastDue(deadline: Deadline, now: string): boolean {
  return Date.parse(now) > Date.parse(deadline.dueAt);
}

export function overdue(state: ComplaintState, now: string): Deadline | undefined {
  return dueDates(state).find((deadline) => isPastDue(deadline, now));
}

export type ScheduledAction =
  | { readonly type: 'EscalateComplaint'; readonly key: string; readonly deadline: Deadline }
  | { readonly type: 'AutoCloseComplaint'; readonly key: string; readonly deadline: Deadline };

/** One key per complaint, action, stage and deadline: re-issuing it is recognised. */
const keyFor = (complaintId: string, action: string, deadline: Deadline): string =>
  `${complaintId}/${action}/${deadline.stage}/${deadline.dueAt}`;

/**
 * The automatic commands due at `now`: an overdue verification, agency response or
 * resolution escalates (once per deadline); an expired information request or reply
 * window closes the complaint. A scheduler issues each as { type, key } with the system role.
 */
export function scheduledActions(state: ComplaintState, now: string): readonly ScheduledAction[] {
  const late = overdue(state, now);
  if (!state.exists || late === undefined) return [];
  if (ESCALATING_STAGES.includes(late.stage)) {
    const key = keyFor(state.complaintId, 'escalate', late);
    return state.escalations.some((e) => e.key === key) ? [] : [{ type: 'EscalateComplaint', key, deadline: late }];
  }
  if (CLOSING_STAGES.includes(late.stage)) {
    return [{ type: 'AutoCloseComplaint', key: keyFor(state.complaintId, 'auto-close', late), deadline: late }];
  }
  return [];
}
