import { z } from 'zod';
import { submissionFields } from '../submissionFields';
import { SealedPersonalData } from '../values';

/**
 * A new report from any channel. The complaint id, tracking id and access-code hash are
 * minted by the command side (the domain has no randomness); the reporter's account id
 * comes from the authenticated actor, never from the body.
 */
export const SubmitComplaint = z
  .object({
    type: z.literal('SubmitComplaint'),
    ...submissionFields,
    reporter: SealedPersonalData.optional(),
  })
  .strict();
