import type { CommandOf, ComplaintCommandType } from './commands';
import type { DecisionContext } from './context';
import { conflict, type DomainError } from './errors';
import type { ComplaintEvent } from './events';
import type { Complaint } from './state';

/** decide's answer: the events to append, or why not. Rejections are values, never throws. */
export type Decision = { readonly ok: true; readonly events: readonly ComplaintEvent[] } | { readonly ok: false; readonly error: DomainError };

export const accepted = (...events: ComplaintEvent[]): Decision => ({ ok: true, events });
export const refused = (error: DomainError): Decision => ({ ok: false, error });

/** How one command is decided on an existing complaint, after the permission gates. */
export type CommandHandler<K extends ComplaintCommandType> = (complaint: Complaint, command: CommandOf<K>, context: DecisionContext) => Decision;

/** The deadline `days` working days from now (end of that Jakarta working day). */
export const workingDaysFromNow = (context: DecisionContext, days: number): string => context.calendar.addWorkingDays(context.now, days);

/** Refuses every change to a closed complaint; undefined when it is open. */
export function closedError(complaint: Complaint): DomainError | undefined {
  return complaint.status === 'closed' ? conflict('complaint_closed', 'the complaint is closed') : undefined;
}
