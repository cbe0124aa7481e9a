import { overdue, type Complaint, type ComplaintEvent, type Stage } from '../../domain/complaint';
import { hoursBetween } from './durationHistogram';
import type { ComplaintTransition } from './trackedComplaint';

/** What one event means for the statistics: the facts a counter or a histogram takes. */
export interface Milestones {
  /** An agency was handed the complaint (disposition, or a decline naming it). */
  readonly assignedTo?: string;
  /** The assigned agency answered (accept or decline) while the response clock ran. */
  readonly response?: { readonly agencyId: string; readonly onTime: boolean; readonly declined: boolean };
  readonly declinedBy?: string;
  readonly firstFollowUpHours?: number;
  /** The complaint's first resolution. */
  readonly resolution?: { readonly agencyId: string; readonly hours: number; readonly onTime: boolean };
  readonly overdueEscalation?: { readonly agencyId: string | undefined; readonly stage: Stage | undefined };
}

/** Met the clock of `stage` if that clock was running and had not passed: the domain's own overdue rule. */
const metDeadline = (before: Complaint, stage: Stage, at: string): boolean => before.deadline?.stage === stage && overdue(before, at) === undefined;

const owningAgency = (complaint: Complaint): string | undefined => (complaint.owner.kind === 'agency' ? complaint.owner.agencyId : undefined);

export function milestonesOf(event: ComplaintEvent, { before, after }: ComplaintTransition): Milestones {
  const previous = before?.complaint;
  if (!previous) return {};
  switch (event.type) {
    case 'ComplaintDisposed':
      return { assignedTo: event.data.agencyId };
    case 'AssignmentAccepted':
      return { response: { agencyId: event.data.agencyId, onTime: metDeadline(previous, 'agency_response', event.data.at), declined: false } };
    case 'AssignmentDeclined': {
      const { returnedTo, agencyId, at } = event.data;
      return {
        declinedBy: agencyId,
        ...(returnedTo.kind === 'agency' ? { assignedTo: returnedTo.agencyId } : {}),
        ...(previous.status === 'disposed' ? { response: { agencyId, onTime: metDeadline(previous, 'agency_response', at), declined: true } } : {}),
      };
    }
    case 'FollowUpPosted':
      return previous.followUps.length === 0 ? { firstFollowUpHours: hoursBetween(after.complaint.submittedAt, event.data.at) } : {};
    case 'ComplaintResolved':
      if (previous.resolution !== undefined) return {};
      return {
        resolution: {
          agencyId: event.data.agencyId,
          hours: hoursBetween(after.complaint.submittedAt, event.data.at),
          onTime: metDeadline(previous, 'resolution', event.data.at),
        },
      };
    case 'ComplaintEscalated':
      return event.data.cause === 'overdue' ? { overdueEscalation: { agencyId: owningAgency(previous), stage: event.data.stage } } : {};
    default:
      return {};
  }
}
