import { accepted, closedError, refused, type CommandHandler } from './decision';
import { conflict } from './errors';
import { escalationEvent } from './escalation';
import { complaintEvent } from './events';
import { scheduledActions } from './schedule';
import type { Complaint } from './state';

/** The scheduler's command must match what scheduledActions says is due now: the domain has the last word. */
const dueAction = (complaint: Complaint, type: 'EscalateComplaint' | 'AutoCloseComplaint', key: string, now: string) =>
  scheduledActions(complaint, now).find((action) => action.type === type && action.key === key);

export const escalateComplaint: CommandHandler<'EscalateComplaint'> = (complaint, command, context) => {
  // Re-issued after success (a retried scheduler run): nothing more to record.
  if (complaint.escalations.some((e) => e.key === command.key)) return accepted();
  const error = closedError(complaint);
  if (error) return refused(error);
  const due = dueAction(complaint, 'EscalateComplaint', command.key, context.now);
  if (!due) return refused(conflict('not_due', `no escalation ${command.key} is due`));
  return accepted(escalationEvent(complaint.owner, 'overdue', command.key, context, due.deadline.stage));
};

export const autoCloseComplaint: CommandHandler<'AutoCloseComplaint'> = (complaint, command, context) => {
  if (complaint.closure !== undefined && 'key' in complaint.closure && complaint.closure.key === command.key) return accepted();
  const error = closedError(complaint);
  if (error) return refused(error);
  const due = dueAction(complaint, 'AutoCloseComplaint', command.key, context.now);
  if (!due) return refused(conflict('not_due', `no automatic closing ${command.key} is due`));
  const cause = due.deadline.stage === 'information' ? 'information_not_supplied' : 'reply_window_elapsed';
  return accepted(complaintEvent('ComplaintClosed', { cause, key: command.key, at: context.now }));
};
