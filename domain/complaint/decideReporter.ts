import { accepted, closedError, refused, workingDaysFromNow, type CommandHandler } from './decision';
import { conflict } from './errors';
import { escalationEvent } from './escalation';
import { complaintEvent } from './events';

export const replyToFollowUp: CommandHandler<'ReplyToFollowUp'> = (complaint, command, context) => {
  const error =
    closedError(complaint) ??
    (complaint.status === 'in_progress' || complaint.status === 'resolved'
      ? undefined
      : conflict('not_in_progress', 'there is no agency follow-up to reply to yet'));
  if (error) return refused(error);
  return accepted(complaintEvent('ReporterReplied', { text: command.text, attachments: command.attachments, at: context.now }));
};

/** More information while the case is open; answering an admin's request restarts verification. */
export const supplementInformation: CommandHandler<'SupplementInformation'> = (complaint, command, context) => {
  const error =
    closedError(complaint) ??
    (complaint.status === 'resolved' ? conflict('not_open_for_supplement', 'the complaint is resolved: reply or reopen instead') : undefined);
  if (error) return refused(error);
  const answersRequest = complaint.status === 'awaiting_information';
  return accepted(
    complaintEvent('InformationSupplemented', {
      text: command.text,
      attachments: command.attachments,
      at: context.now,
      ...(answersRequest ? { verifyBy: workingDaysFromNow(context, context.limits.verificationDays) } : {}),
    }),
  );
};

/** Once, after resolution: while the reply window runs or after it closed the complaint. */
export const rateOutcome: CommandHandler<'RateOutcome'> = (complaint, command, context) => {
  const resolved = complaint.status === 'resolved' || complaint.closure?.cause === 'reply_window_elapsed';
  const error =
    (complaint.rating !== undefined ? conflict('already_rated', 'the outcome has already been rated') : undefined) ??
    (resolved ? undefined : conflict('not_resolved', 'only a resolved complaint can be rated'));
  if (error) return refused(error);
  return accepted(
    complaintEvent('OutcomeRated', {
      score: command.score,
      ...(command.comment === undefined ? {} : { comment: command.comment }),
      at: context.now,
    }),
  );
};

/** An unsatisfied reporter reopens within the reply window; that always escalates. */
export const reopenComplaint: CommandHandler<'ReopenComplaint'> = (complaint, command, context) => {
  const windowClosed =
    complaint.closure?.cause === 'reply_window_elapsed' ||
    (complaint.status === 'resolved' && complaint.deadline !== undefined && Date.parse(context.now) > Date.parse(complaint.deadline.dueAt));
  const error =
    (windowClosed ? conflict('reply_window_elapsed', 'the reply window has passed; submit a new complaint instead') : undefined) ??
    closedError(complaint) ??
    (complaint.status === 'resolved' ? undefined : conflict('not_resolved', 'only a resolved complaint can be reopened'));
  if (error) return refused(error);
  const resolutionClass = complaint.resolutionClass ?? 'medium';
  const key = `${complaint.complaintId}/reopened/${complaint.reopenCount + 1}`;
  return accepted(
    complaintEvent('ComplaintReopened', {
      reason: command.reason,
      at: context.now,
      resolveBy: workingDaysFromNow(context, context.limits.resolutionDays[resolutionClass]),
    }),
    escalationEvent(complaint.owner, 'reopened', key, context),
  );
};
