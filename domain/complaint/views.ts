import type { OpenedPersonalData, PersonalData } from '../personalData';
import type { ResolutionClass } from '../timeLimits';
import type { Owner } from './owner';
import type { Deadline } from './stage';
import type { Closure, Complaint, ComplaintStatus, Decline, Escalation, Finding, FollowUp, ReporterMessage } from './state';
import type { AttachmentRef, Channel, ComplaintKind, Location } from './values';

/** Who is looking. Proving who they are (token, access code) is the read side's job, before viewFor. */
export type Audience =
  | { readonly kind: 'public' }
  | {
      readonly kind: 'reporter';
      /** Logged in as an account, or holding the receipt access code the read side has checked against its hash. */
      readonly proof: { readonly by: 'account'; readonly accountId: string } | { readonly by: 'access_code' };
    }
  | { readonly kind: 'agency'; readonly agencyId: string }
  | { readonly kind: 'admin' }
  | { readonly kind: 'ombudsman' };

export type AudienceKind = Audience['kind'];

/** viewFor's input: the complaint plus the reporter's personal data as the vault opened them (the read side decrypts). */
export interface VisibilityInput {
  readonly complaint: Complaint;
  /** undefined when the complaint carries no personal data at all. */
  readonly reporter: OpenedPersonalData | undefined;
}

/** The display name that hides an anonymous reporter. */
export const ANONYMOUS_NAME = 'Anonim';

/** A confidential complaint looked up by the public through its tracking id. */
export interface StatusOnlyView {
  readonly shape: 'status_only';
  readonly trackingId: string;
  readonly status: ComplaintStatus;
}

/** Contact details: only the reporter, admins and the Ombudsman ever get this; null once erased. */
export type ReporterContact = Omit<PersonalData, 'name'> | null;

/** Markers for oversight; the full history itself is read from the ledger stream named here. */
export interface OversightMarkers {
  readonly historyStreamId: string;
  readonly channel: Channel;
  readonly channelMessageId?: string;
  readonly reporterAccountId?: string;
  readonly reporterDataErased: boolean;
  readonly holdReason?: string;
  readonly redaction?: { readonly title: string; readonly chronology: string; readonly at: string };
  readonly declines: readonly Decline[];
  readonly escalations: readonly Escalation[];
  readonly findings: readonly Finding[];
  readonly agenciesInvolved: readonly string[];
}

export interface CaseView {
  readonly shape: 'case';
  readonly audience: AudienceKind;
  readonly complaintId: string;
  readonly trackingId: string;
  readonly kind: ComplaintKind;
  readonly status: ComplaintStatus;
  readonly closure?: Closure;
  readonly owner: Owner;
  readonly deadline?: Deadline;
  readonly submittedAt: string;
  readonly updatedAt: string;
  readonly verifiedAt?: string;
  readonly resolutionClass?: ResolutionClass;
  readonly escalated: boolean;
  readonly anonymous: boolean;
  readonly confidential: boolean;
  readonly category: string;
  readonly regionCode: string;
  readonly incidentDate: string;
  readonly location?: Location;
  /** Public: the redacted text once a redaction exists; everyone else: the text as submitted. */
  readonly title: string;
  readonly chronology: string;
  readonly redacted: boolean;
  readonly attachments: readonly AttachmentRef[];
  /** 'Anonim' when hidden from this audience; null when unknown or erased. */
  readonly reporterName: string | null;
  readonly reporterContact?: ReporterContact;
  readonly followUps: readonly FollowUp[];
  readonly reporterMessages: readonly ReporterMessage[];
  readonly informationRequests?: readonly { readonly question: string; readonly at: string }[];
  readonly resolution?: { readonly agencyId: string; readonly summary: string; readonly at: string };
  readonly rating?: { readonly score: number; readonly comment?: string; readonly at: string };
  readonly supportCount: number;
  readonly oversight?: OversightMarkers;
}

/** undefined: this audience may not see the complaint at all. */
export type ComplaintView = StatusOnlyView | CaseView | undefined;
