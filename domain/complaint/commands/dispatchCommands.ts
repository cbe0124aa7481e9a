import { z } from 'zod';
import { Chronology, Message, Reason, Title } from '../events/textLimits';
import { Rejection } from '../rejection';
import { AgencyId, ComplaintId } from '../values';

/** The SP4N admin's commands (verify, route, archive, ask, merge, redact). */

/** Verifies the report (the first time) and routes it to the one agency with authority. */
export const DisposeComplaint = z
  .object({ type: z.literal('DisposeComplaint'), agencyId: AgencyId, note: Reason.optional() })
  .strict();

export const RejectComplaint = z
  .object({ type: z.literal('RejectComplaint'), rejection: Rejection, note: Reason.optional() })
  .strict();

/** Tunda. */
export const HoldComplaint = z.object({ type: z.literal('HoldComplaint'), reason: Reason }).strict();

export const RequestInformation = z.object({ type: z.literal('RequestInformation'), question: Message }).strict();

export const MergeDuplicate = z.object({ type: z.literal('MergeDuplicate'), masterComplaintId: ComplaintId }).strict();

export const RedactPublicText = z
  .object({ type: z.literal('RedactPublicText'), title: Title, chronology: Chronology })
  .strict();
