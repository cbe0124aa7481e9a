import { randomBytes } from 'node:crypto';
import { storedTrackingId } from '../commands/channels/gatewaySubmission';
import type { AccessCodes } from '../commands/accessCodeHash';
import { derivedUuid } from '../commands/derivedId';
import type { HandleCommand } from '../commands/handleCommand';
import { mintSubmissionDraft, type SubmissionDraft } from '../commands/intake/submissionDraft';
import { submitComplaint, type PersonalDataSealer } from '../commands/intake/submitComplaint';
import { ACCESS_CODE_RANDOM_BYTES, accessCodeFromRandomBytes } from '../domain/accessCode';
import { TRACKING_ID_RANDOM_BYTES, trackingIdFromRandomBytes } from '../domain/trackingId';
import type { EventStore } from '../eventstore/port';
import type { Open311Client } from './apiKeys';
import { Open311Error } from './errors';
import type { Open311Submission } from './submission';

/** Fixed namespace of the ids derived from a client's Idempotency-Key. */
const OPEN311_NAMESPACE = '9a4f3f3e-64a1-4c4e-9f0e-0b1f4b0d7a21';

export interface Open311IntakeDependencies {
  readonly handle: HandleCommand;
  readonly store: EventStore;
  readonly vault: PersonalDataSealer;
  readonly accessCodes: Pick<AccessCodes, 'hash'>;
}

/**
 * With an Idempotency-Key the complaint id and request seed derive from (client, key), as
 * the gateways derive them from a message id: a retry finds the complaint its first try
 * filed, nothing more is appended, and the tracking id is read back from the ledger.
 * Without one, every POST is a new complaint.
 */
function draftFor(client: Open311Client, idempotencyKey: string | undefined): SubmissionDraft {
  if (idempotencyKey === undefined) return mintSubmissionDraft();
  const complaintId = derivedUuid(OPEN311_NAMESPACE, `${client.clientId}/${idempotencyKey}`);
  return {
    complaintId,
    requestSeed: derivedUuid(complaintId, 'submission'),
    trackingId: trackingIdFromRandomBytes(randomBytes(TRACKING_ID_RANDOM_BYTES)),
    accessCode: accessCodeFromRandomBytes(randomBytes(ACCESS_CODE_RANDOM_BYTES)),
  };
}

/** Files an Open311 request through the intake command path, as the client app's gateway actor; answers the tracking id. */
export async function fileOpen311Request(
  deps: Open311IntakeDependencies,
  client: Open311Client,
  submission: Open311Submission,
  request: { readonly idempotencyKey: string | undefined; readonly requestId: string },
): Promise<string> {
  const draft = draftFor(client, request.idempotencyKey);
  const outcome = await submitComplaint(deps, {
    // The domain asks every gateway submission for the id that makes a redelivery recognisable.
    report: { ...submission.report, channelMessageId: `${client.clientId}/${request.idempotencyKey ?? draft.complaintId}` },
    ...(submission.reporter === undefined ? {} : { reporter: submission.reporter }),
    channel: 'open311',
    actor: { id: `open311-${client.clientId}`, role: 'channel_gateway' },
    draft,
    correlationId: request.requestId,
    causationId: request.requestId,
  });
  switch (outcome.kind) {
    case 'accepted':
      return outcome.alreadyApplied ? storedTrackingId(deps.store, outcome.complaintId) : draft.trackingId;
    case 'refused':
      throw new Open311Error(400, [`${outcome.error.code}: ${outcome.error.message}`]);
    case 'reporter_erased':
      throw new Open311Error(400, ['reporter_erased: the personal data given belong to an erased account']);
    case 'contended':
      throw new Open311Error(503, ['the ledger is busy; retry with the same Idempotency-Key'], { 'retry-after': '1' });
    case 'precondition_failed':
      throw new Error(`open311 submission ${draft.complaintId}: unexpected precondition failure`);
  }
}
