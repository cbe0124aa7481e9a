import type { ResolutionClass } from '../timeLimits';
import type { EventData } from './events';
import type { AutoCloseCause, FollowUpVisibility } from './events';
import type { Owner } from './owner';
import type { Rejection } from './rejection';
import type { Deadline } from './stage';
import type { AttachmentRef, Channel, ComplaintKind, Location, SealedPersonalData } from './values';

/**
 * Where a complaint stands. Every status but closed is open and has an owner:
 * submitted / awaiting_information / on_hold / returned_to_admin -> the admin queue;
 * disposed / in_progress / resolved -> an agency.
 */
export type ComplaintStatus =
  | 'submitted'
  | 'awaiting_information'
  | 'on_hold'
  | 'returned_to_admin'
  | 'disposed'
  | 'in_progress'
  | 'resolved'
  | 'closed';

export type Closure =
  | { readonly cause: 'rejected'; readonly rejection: Rejection; readonly at: string }
  | { readonly cause: 'merged'; readonly masterComplaintId: string; readonly at: string }
  | { readonly cause: AutoCloseCause; readonly key: string; readonly at: string };

export interface FollowUp {
  readonly followUpId: string;
  readonly byAgencyId: string;
  readonly visibility: FollowUpVisibility;
  readonly text: string;
  readonly attachments: readonly AttachmentRef[];
  readonly at: string;
}

export interface ReporterMessage {
  readonly kind: 'reply' | 'supplement';
  readonly text: string;
  readonly attachments: readonly AttachmentRef[];
  readonly at: string;
}

export type Decline = Omit<EventData<'AssignmentDeclined'>, 'nextDueAt'>;
export type Escalation = EventData<'ComplaintEscalated'>;
export type Finding = EventData<'OversightFindingRecorded'>;

export interface Complaint {
  readonly exists: true;
  readonly complaintId: string;
  readonly trackingId: string;
  readonly accessCodeHash?: string;
  readonly kind: ComplaintKind;
  /** The text as submitted; the public sees publicText instead once it exists. */
  readonly title: string;
  readonly chronology: string;
  readonly publicText?: { readonly title: string; readonly chronology: string; readonly at: string };
  readonly incidentDate: string;
  readonly regionCode: string;
  readonly location?: Location;
  readonly category: string;
  readonly suggestedAgencyId?: string;
  readonly attachments: readonly AttachmentRef[];
  readonly channel: Channel;
  readonly channelMessageId?: string;
  readonly reporterAccountId?: string;
  readonly reporter?: SealedPersonalData;
  readonly reporterDataErased: boolean;
  readonly anonymous: boolean;
  readonly confidential: boolean;

  readonly status: ComplaintStatus;
  readonly owner: Owner;
  /** The clock now running; none while on hold or closed. */
  readonly deadline?: Deadline;
  readonly closure?: Closure;
  readonly submittedAt: string;
  readonly updatedAt: string;
  readonly verifiedAt?: string;
  readonly resolutionClass?: ResolutionClass;
  readonly holdReason?: string;
  /** Every agency (or unit) that owns or owned it, or had it raised to it: "assigned now or before". */
  readonly agenciesInvolved: readonly string[];
  readonly declines: readonly Decline[];
  readonly informationRequests: readonly { readonly question: string; readonly at: string }[];
  readonly followUps: readonly FollowUp[];
  readonly reporterMessages: readonly ReporterMessage[];
  readonly resolution?: { readonly agencyId: string; readonly summary: string; readonly at: string };
  readonly rating?: { readonly score: number; readonly comment?: string; readonly at: string };
  readonly reopenCount: number;
  readonly supporterAccountIds: readonly string[];
  readonly findings: readonly Finding[];
  readonly escalations: readonly Escalation[];
}

export type ComplaintState = { readonly exists: false } | Complaint;

export const initialComplaintState: ComplaintState = Object.freeze({ exists: false });

export const isOpen = (complaint: Complaint): boolean => complaint.status !== 'closed';
