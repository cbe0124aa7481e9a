import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ACCESS_CODE_RANDOM_BYTES, AccessCode, accessCodeFromRandomBytes } from '../../domain/accessCode';
import { TRACKING_ID_RANDOM_BYTES, TrackingId, trackingIdFromRandomBytes } from '../../domain/trackingId';
import { pooledRandomBytes } from '../../eventstore/vault/randomPool';

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
    trackingId: trackingIdFromRandomBytes(pooledRandomBytes(TRACKING_ID_RANDOM_BYTES)),
    accessCode: accessCodeFromRandomBytes(pooledRandomBytes(ACCESS_CODE_RANDOM_BYTES)),
    requestSeed: randomUUID(),
  };
}
