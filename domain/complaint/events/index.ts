import type { z } from 'zod';
import { ReporterIdentityAccessed } from './accessEvents';
import { AssignmentAccepted, AssignmentDeclined, ComplaintDelegated, ComplaintResolved, FollowUpPosted } from './agencyEvents';
import {
  ComplaintDisposed,
  ComplaintMerged,
  ComplaintPutOnHold,
  ComplaintRejected,
  ComplaintVerified,
  InformationRequested,
  PublicTextRedacted,
} from './dispatchEvents';
import { ComplaintSupported, OversightFindingRecorded } from './oversightEvents';
import { ComplaintMadeConfidential, ReporterDataErased } from './protectionEvents';
import { ComplaintReopened, InformationSupplemented, OutcomeRated, ReporterReplied } from './reporterEvents';
import { ComplaintSubmitted } from './submissionEvents';
import { ComplaintClosed, ComplaintEscalated } from './systemEvents';

/** Every complaint event type, its data schema and its current schema version. */
export const complaintEventDefinitions = {
  ComplaintSubmitted: { version: 1, schema: ComplaintSubmitted },
  ComplaintVerified: { version: 1, schema: ComplaintVerified },
  ComplaintDisposed: { version: 1, schema: ComplaintDisposed },
  ComplaintRejected: { version: 1, schema: ComplaintRejected },
  ComplaintPutOnHold: { version: 1, schema: ComplaintPutOnHold },
  InformationRequested: { version: 1, schema: InformationRequested },
  ComplaintMerged: { version: 1, schema: ComplaintMerged },
  PublicTextRedacted: { version: 1, schema: PublicTextRedacted },
  AssignmentAccepted: { version: 1, schema: AssignmentAccepted },
  AssignmentDeclined: { version: 1, schema: AssignmentDeclined },
  ComplaintDelegated: { version: 1, schema: ComplaintDelegated },
  FollowUpPosted: { version: 1, schema: FollowUpPosted },
  ComplaintResolved: { version: 1, schema: ComplaintResolved },
  ReporterReplied: { version: 1, schema: ReporterReplied },
  InformationSupplemented: { version: 1, schema: InformationSupplemented },
  OutcomeRated: { version: 1, schema: OutcomeRated },
  ComplaintReopened: { version: 1, schema: ComplaintReopened },
  OversightFindingRecorded: { version: 1, schema: OversightFindingRecorded },
  ComplaintSupported: { version: 1, schema: ComplaintSupported },
  ComplaintMadeConfidential: { version: 1, schema: ComplaintMadeConfidential },
  ReporterDataErased: { version: 1, schema: ReporterDataErased },
  ComplaintEscalated: { version: 1, schema: ComplaintEscalated },
  ComplaintClosed: { version: 1, schema: ComplaintClosed },
  ReporterIdentityAccessed: { version: 1, schema: ReporterIdentityAccessed },
} as const;

type Definitions = typeof complaintEventDefinitions;
export type ComplaintEventType = keyof Definitions;
export type EventData<K extends ComplaintEventType> = z.infer<Definitions[K]['schema']>;
export type EventOf<K extends ComplaintEventType> = { readonly type: K; readonly data: EventData<K> };
export type ComplaintEvent = { [K in ComplaintEventType]: EventOf<K> }[ComplaintEventType];

export const COMPLAINT_EVENT_TYPES = Object.keys(complaintEventDefinitions) as ComplaintEventType[];

/** Builds an event with its data type checked against its type name. */
export function complaintEvent<K extends ComplaintEventType>(type: K, data: EventData<K>): ComplaintEvent {
  return { type, data } as ComplaintEvent;
}

export { IdentityField } from './accessEvents';
export { FollowUpVisibility } from './agencyEvents';
export { AutoCloseCause, EscalationCause } from './systemEvents';
