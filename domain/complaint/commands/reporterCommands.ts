import { z } from 'zod';
import { Message, Reason } from '../events/textLimits';
import { Attachments, freeText } from '../values';

/** Commands of the reporter on their own complaint. */

export const ReplyToFollowUp = z
  .object({ type: z.literal('ReplyToFollowUp'), text: Message, attachments: Attachments })
  .strict();

export const SupplementInformation = z
  .object({ type: z.literal('SupplementInformation'), text: Message, attachments: Attachments })
  .strict();

export const RateOutcome = z
  .object({ type: z.literal('RateOutcome'), score: z.int().min(1).max(5), comment: freeText(2_000).optional() })
  .strict();

export const ReopenComplaint = z.object({ type: z.literal('ReopenComplaint'), reason: Reason }).strict();
