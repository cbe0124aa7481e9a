import type { DecisionContext } from './context';
import { complaintEvent, type ComplaintEvent, type EscalationCause } from './events';
import type { Owner } from './owner';
import type { Stage } from './stage';

/**
 * The escalation event: always a flag for the Ombudsman, and for an owning agency that has
 * a parent, also raised to that parent (which may then act on it and sees it in its queue).
 * Ownership does not move: the owning agency stays accountable.
 */
export function escalationEvent(
  ownerAfter: Owner,
  cause: EscalationCause,
  key: string,
  context: DecisionContext,
  stage?: Stage,
): ComplaintEvent {
  const raisedToAgencyId = ownerAfter.kind === 'agency' ? context.agencies.parentOf(ownerAfter.agencyId) : undefined;
  return complaintEvent('ComplaintEscalated', {
    cause,
    ...(stage === undefined ? {} : { stage }),
    key,
    ...(raisedToAgencyId === undefined ? {} : { raisedToAgencyId }),
    at: context.now,
  });
}
