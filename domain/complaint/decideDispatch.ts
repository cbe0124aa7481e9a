import type { DecisionContext } from './context';
import { accepted, closedError, refused, workingDaysFromNow, type CommandHandler } from './decision';
import { conflict, invalid, type DomainError } from './errors';
import { complaintEvent } from './events';
import type { Complaint } from './state';

/** The admin routes only what is in the admin queue: once an agency owns it, it must accept or decline. */
function adminQueueError(complaint: Complaint): DomainError | undefined {
  return (
    closedError(complaint) ??
    (complaint.owner.kind === 'admin_queue' ? undefined : conflict('not_in_admin_queue', 'the complaint is with an agency, not in the admin queue'))
  );
}

const unknownAgency = (agencyId: string, context: DecisionContext): DomainError | undefined =>
  context.agencies.exists(agencyId) ? undefined : invalid('unknown_agency', `no agency ${agencyId} is registered`);

export const disposeComplaint: CommandHandler<'DisposeComplaint'> = (complaint, command, context) => {
  const error = adminQueueError(complaint) ?? unknownAgency(command.agencyId, context);
  if (error) return refused(error);
  const disposed = complaintEvent('ComplaintDisposed', {
    agencyId: command.agencyId,
    ...(command.note === undefined ? {} : { note: command.note }),
    at: context.now,
    respondBy: workingDaysFromNow(context, context.limits.agencyFollowUpDays),
  });
  // The first disposition is also the verification (re-routing after a decline is not).
  return complaint.verifiedAt === undefined ? accepted(complaintEvent('ComplaintVerified', { at: context.now }), disposed) : accepted(disposed);
};

export const rejectComplaint: CommandHandler<'RejectComplaint'> = (complaint, command, context) => {
  const error = adminQueueError(complaint);
  if (error) return refused(error);
  return accepted(
    complaintEvent('ComplaintRejected', {
      rejection: command.rejection,
      ...(command.note === undefined ? {} : { note: command.note }),
      at: context.now,
    }),
  );
};

export const holdComplaint: CommandHandler<'HoldComplaint'> = (complaint, command, context) => {
  const error = adminQueueError(complaint) ?? (complaint.status === 'on_hold' ? conflict('already_on_hold', 'the complaint is already on hold') : undefined);
  if (error) return refused(error);
  return accepted(complaintEvent('ComplaintPutOnHold', { reason: command.reason, at: context.now }));
};

export const requestInformation: CommandHandler<'RequestInformation'> = (complaint, command, context) => {
  const error =
    adminQueueError(complaint) ??
    (complaint.status === 'awaiting_information' ? conflict('already_awaiting_information', 'the reporter has already been asked and has not answered yet') : undefined);
  if (error) return refused(error);
  return accepted(
    complaintEvent('InformationRequested', {
      question: command.question,
      at: context.now,
      replyBy: workingDaysFromNow(context, context.limits.reporterReplyDays),
    }),
  );
};

export const mergeDuplicate: CommandHandler<'MergeDuplicate'> = (complaint, command, context) => {
  const error =
    closedError(complaint) ??
    (command.masterComplaintId === complaint.complaintId ? invalid('merge_into_itself', 'a complaint cannot be merged into itself') : undefined);
  if (error) return refused(error);
  return accepted(complaintEvent('ComplaintMerged', { masterComplaintId: command.masterComplaintId, at: context.now }));
};

/** Allowed on closed complaints too: personal data in public text must be removable at any time. */
export const redactPublicText: CommandHandler<'RedactPublicText'> = (_complaint, command, context) =>
  accepted(complaintEvent('PublicTextRedacted', { title: command.title, chronology: command.chronology, at: context.now }));
