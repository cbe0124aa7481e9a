import type { Actor } from '../../eventstore/metadata';

/**
 * Which vault key seals a reporter's personal data: one per account (erasing the account
 * erases the person everywhere), else one per submission (anonymous drop-box, SMS sender).
 */
export const reporterKeyId = (accountId: string): string => `reporter-${accountId}`;
export const submissionKeyId = (complaintId: string): string => `submission-${complaintId}`;

export const personalDataKeyFor = (actor: Actor, complaintId: string): string =>
  actor.role === 'reporter' ? reporterKeyId(actor.id) : submissionKeyId(complaintId);
