import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ACCESS_CODE_RANDOM_BYTES, AccessCode, accessCodeFromRandomBytes } from '../../domain/accessCode';
import { TRACKING_ID_RANDOM_BYTES, TrackingId, trackingIdFromRandomBytes } from '../../domain/trackingId';

/**
 * Everything random about one submission, drawn before it executes, so that a submission
 * re-executed after a crash files the same complaint with the same receipt.
 */
export const SubmissionDraft = z
  .object({ complaintId: z.uuid(), trackingId: TrackingId, accessCode: AccessCode, requestSeed: z.uuid() })
  .strict();
export type SubmissionDraft = z.infer<typeof SubmissionDraft>;

export function mintSubmissionDraft(): SubmissionDraft {
  return {
    complaintId: randomUUID(),
    trackingId: trackingIdFromRandomBytes(randomBytes(TRACKING_ID_RANDOM_BYTES)),
    accessCode: accessCodeFromRandomBytes(randomBytes(ACCESS_CODE_RANDOM_BYTES)),
    requestSeed: randomUUID(),
  };
}
