import { z } from 'zod';
import { Attachments, IsoInstant, freeText } from '../values';
import { Message, Reason } from './textLimits';

/** What the reporter (pelapor) records on their own complaint. */

export const ReporterReplied = z.object({ text: Message, attachments: Attachments, at: IsoInstant }).strict();

/** verifyBy is set when the supplement answers an information request and restarts verification. */
export const InformationSupplemented = z
  .object({ text: Message, attachments: Attachments, at: IsoInstant, verifyBy: IsoInstant.optional() })
  .strict();

export const OutcomeRated = z.object({ score: z.int().min(1).max(5), comment: freeText(2_000).optional(), at: IsoInstant }).strict();

export const ComplaintReopened = z.object({ reason: Reason, at: IsoInstant, resolveBy: IsoInstant }).strict();
