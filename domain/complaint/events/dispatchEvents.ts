import { z } from 'zod';
import { Rejection } from '../rejection';
import { AgencyId, ComplaintId, IsoInstant } from '../values';
import { Chronology, Message, Reason, Title } from './textLimits';

/** What the SP4N admin (verifier / dispatcher) records. */

export const ComplaintVerified = z.object({ at: IsoInstant }).strict();

export const ComplaintDisposed = z
  .object({ agencyId: AgencyId, note: Reason.optional(), at: IsoInstant, respondBy: IsoInstant })
  .strict();

export const ComplaintRejected = z.object({ rejection: Rejection, note: Reason.optional(), at: IsoInstant }).strict();

export const ComplaintPutOnHold = z.object({ reason: Reason, at: IsoInstant }).strict();

export const InformationRequested = z.object({ question: Message, at: IsoInstant, replyBy: IsoInstant }).strict();

export const ComplaintMerged = z.object({ masterComplaintId: ComplaintId, at: IsoInstant }).strict();

/** Replacement public text; the original stays in ComplaintSubmitted for the Ombudsman. */
export const PublicTextRedacted = z.object({ title: Title, chronology: Chronology, at: IsoInstant }).strict();
