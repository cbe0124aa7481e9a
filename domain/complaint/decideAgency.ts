import type { CommandOf, ComplaintCommandType } from './commands';
import type { DecisionContext } from './context';
import { accepted, closedError, refused, workingDaysFromNow, type CommandHandler, type Decision } from './decision';
import { conflict, forbidden, invalid, type DomainError } from './errors';
import { escalationEvent } from './escalation';
import { complaintEvent } from './events';
import { ADMIN_QUEUE, type AgencyOwner, type Owner } from './owner';
import type { Complaint } from './state';

type AgencyHandler<K extends ComplaintCommandType> = (
  complaint: Complaint,
  owner: AgencyOwner,
  command: CommandOf<K>,
  context: DecisionContext,
) => Decision;

/** Agency commands need an agency owner and an open complaint: a closed one accepts no agency action. */
function forOwningAgency<K extends ComplaintCommandType>(handler: AgencyHandler<K>): CommandHandler<K> {
  return (complaint, command, context) => {
    const { owner } = complaint;
    if (owner.kind !== 'agency') return refused(forbidden('not_the_owning_agency', 'no agency owns this complaint'));
    const error = closedError(complaint);
    return error ? refused(error) : handler(complaint, owner, command, context);
  };
}

const statusError = (complaint: Complaint, expected: Complaint['status'], error: DomainError): DomainError | undefined =>
  complaint.status === expected ? undefined : error;

export const acceptAssignment = forOwningAgency<'AcceptAssignment'>((complaint, owner, command, context) => {
  const error = statusError(complaint, 'disposed', conflict('not_awaiting_acceptance', 'the complaint is not awaiting acceptance'));
  if (error) return refused(error);
  return accepted(
    complaintEvent('AssignmentAccepted', {
      agencyId: owner.agencyId,
      resolutionClass: command.resolutionClass,
      at: context.now,
      resolveBy: workingDaysFromNow(context, context.limits.resolutionDays[command.resolutionClass]),
    }),
  );
});

function suggestionError(owner: AgencyOwner, suggested: string | undefined, context: DecisionContext): DomainError | undefined {
  if (suggested === undefined) return undefined;
  if (!context.agencies.exists(suggested)) return invalid('unknown_agency', `no agency ${suggested} is registered`);
  if (suggested === owner.agencyId || suggested === owner.unitId) return invalid('suggested_own_agency', 'a declining agency cannot name itself');
  return undefined;
}

/** No wrong door: a decline hands the complaint to the admin, or (if policy allows) to the agency named. */
export const declineAssignment = forOwningAgency<'DeclineAssignment'>((complaint, owner, command, context) => {
  const error =
    (complaint.status === 'resolved' ? conflict('already_resolved', 'a resolved complaint cannot be declined') : undefined) ??
    suggestionError(owner, command.suggestedAgencyId, context);
  if (error) return refused(error);
  const suggested = command.suggestedAgencyId;
  const returnedTo: Owner = context.limits.allowDeclineToNamedAgency && suggested !== undefined ? { kind: 'agency', agencyId: suggested } : ADMIN_QUEUE;
  const declined = complaintEvent('AssignmentDeclined', {
    agencyId: owner.agencyId,
    reason: command.reason,
    ...(suggested === undefined ? {} : { suggestedAgencyId: suggested }),
    returnedTo,
    at: context.now,
    nextDueAt: workingDaysFromNow(context, returnedTo.kind === 'agency' ? context.limits.agencyFollowUpDays : context.limits.verificationDays),
  });
  const declineCount = complaint.declines.length + 1;
  if (declineCount < context.limits.declinesBeforeEscalation) return accepted(declined);
  const key = `${complaint.complaintId}/declined/${declineCount}`;
  return accepted(declined, escalationEvent(returnedTo, 'declined_repeatedly', key, context));
});

export const delegateToUnit = forOwningAgency<'DelegateToUnit'>((complaint, owner, command, context) => {
  const error =
    statusError(complaint, 'in_progress', conflict('not_in_progress', 'only a complaint in progress can be delegated')) ??
    (context.agencies.exists(command.unitId) && context.agencies.parentOf(command.unitId) === owner.agencyId
      ? undefined
      : invalid('not_a_unit_of_agency', `${command.unitId} is not a unit of ${owner.agencyId}`)) ??
    (owner.unitId === command.unitId ? conflict('already_delegated_to_unit', `the complaint is already with ${command.unitId}`) : undefined);
  if (error) return refused(error);
  return accepted(complaintEvent('ComplaintDelegated', { agencyId: owner.agencyId, unitId: command.unitId, at: context.now }));
});

export const postFollowUp = forOwningAgency<'PostFollowUp'>((complaint, owner, command, context) => {
  if (complaint.status === 'disposed') return refused(conflict('not_accepted', 'accept the complaint before following it up'));
  const { type: _type, ...followUp } = command;
  return accepted(complaintEvent('FollowUpPosted', { ...followUp, byAgencyId: context.actor.agencyId ?? owner.agencyId, at: context.now }));
});

export const resolveComplaint = forOwningAgency<'ResolveComplaint'>((complaint, owner, command, context) => {
  const error = statusError(complaint, 'in_progress', conflict('not_in_progress', 'only a complaint in progress can be resolved'));
  if (error) return refused(error);
  return accepted(
    complaintEvent('ComplaintResolved', {
      agencyId: owner.agencyId,
      summary: command.summary,
      at: context.now,
      replyBy: workingDaysFromNow(context, context.limits.reporterReplyDays),
    }),
  );
});
