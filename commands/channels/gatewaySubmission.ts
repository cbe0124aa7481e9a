import { randomBytes } from 'node:crypto';
import { ACCESS_CODE_RANDOM_BYTES, accessCodeFromRandomBytes } from '../../domain/accessCode';
import type { PersonalData } from '../../domain/personalData';
import { TRACKING_ID_RANDOM_BYTES, TrackingId, trackingIdFromRandomBytes } from '../../domain/trackingId';
import type { Actor } from '../../eventstore/metadata';
import type { EventStore } from '../../eventstore/port';
import { complaintEventOf, complaintStreamId } from '../complaintStream';
import type { AccessCodes } from '../accessCodeHash';
import { derivedUuid } from '../derivedId';
import type { HandleCommand } from '../handleCommand';
import type { SubmissionDraft } from '../intake/submissionDraft';
import { submitComplaint, type PersonalDataSealer } from '../intake/submitComplaint';
import { gatewayReport } from './gatewayReport';

export type GatewayChannel = 'sms' | 'twitter';

/** Fixed namespace of the ids derived from gateway message ids. */
const GATEWAY_NAMESPACE = '0762c5f2-9c7b-4204-95f5-75e0bc4bf499';

/** The complaint a gateway message files: the same message id always names the same complaint. */
export const gatewayComplaintId = (channel: GatewayChannel, messageId: string): string => derivedUuid(GATEWAY_NAMESPACE, `${channel}/${messageId}`);

/** The id of a reply to a gateway message (the same for every redelivery). */
export const gatewayReplyId = (channel: GatewayChannel, messageId: string): string => derivedUuid(GATEWAY_NAMESPACE, `${channel}/${messageId}/reply`);

const gatewayActor = (channel: GatewayChannel): Actor => ({ id: `${channel}-gateway`, role: 'channel_gateway' });

/**
 * Complaint id and request seed derive from the message id, so a redelivery finds the
 * complaint its first delivery filed and handleCommand appends nothing more (across nodes,
 * restarts and however long after). The tracking id is random, so the one answered is read
 * back from the ledger: two deliveries racing on two nodes each draw one, and only the
 * first append's is stored (the second append repeats stored event ids and writes nothing). The access code is never sent over a gateway: gateway
 * complaints cannot be confidential, so their content is public anyway.
 */
function gatewayDraft(channel: GatewayChannel, messageId: string): SubmissionDraft {
  const complaintId = gatewayComplaintId(channel, messageId);
  return {
    complaintId,
    requestSeed: derivedUuid(complaintId, 'submission'),
    trackingId: trackingIdFromRandomBytes(randomBytes(TRACKING_ID_RANDOM_BYTES)),
    accessCode: accessCodeFromRandomBytes(randomBytes(ACCESS_CODE_RANDOM_BYTES)),
  };
}

export interface GatewayMessage {
  readonly channel: GatewayChannel;
  readonly messageId: string;
  readonly text: string;
  /** Who sent it (a phone number, a handle): sealed in the vault like any reporter's contact. */
  readonly sender: PersonalData;
  readonly receivedAt: Date;
}

export interface GatewayIntakeDependencies {
  readonly handle: HandleCommand;
  readonly store: EventStore;
  readonly vault: PersonalDataSealer;
  readonly accessCodes: Pick<AccessCodes, 'hash'>;
  readonly defaultRegionCode: string;
}

export type GatewayFiling =
  | { readonly kind: 'filed'; readonly complaintId: string; readonly trackingId: TrackingId; readonly redelivered: boolean }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string };

/** Files a gateway message through the same command path as the web form. */
export async function fileGatewayMessage(deps: GatewayIntakeDependencies, message: GatewayMessage, requestId: string): Promise<GatewayFiling> {
  const draft = gatewayDraft(message.channel, message.messageId);
  const outcome = await submitComplaint(deps, {
    report: { ...gatewayReport(message.text, { receivedAt: message.receivedAt, defaultRegionCode: deps.defaultRegionCode }), channelMessageId: message.messageId },
    reporter: message.sender,
    channel: message.channel,
    actor: gatewayActor(message.channel),
    draft,
    correlationId: requestId,
    causationId: requestId,
  });
  switch (outcome.kind) {
    case 'accepted':
      return { kind: 'filed', complaintId: outcome.complaintId, trackingId: await storedTrackingId(deps.store, outcome.complaintId), redelivered: outcome.alreadyApplied };
    case 'refused':
      return { kind: 'refused', code: outcome.error.code, message: outcome.error.message };
    case 'reporter_erased':
      return { kind: 'refused', code: 'reporter_erased', message: 'the sender has been erased' };
    // The gateway's retry runs the same message again, and the derived ids keep it single.
    case 'contended':
    case 'precondition_failed':
      throw new Error(`gateway message ${message.channel}/${message.messageId}: ${outcome.kind}`);
  }
}

/** The tracking id the ledger holds for a complaint (the first submission's, when two raced). */
export async function storedTrackingId(store: EventStore, complaintId: string): Promise<TrackingId> {
  const [first] = await store.readStream(complaintStreamId(complaintId), { maxCount: 1 });
  const submitted = first && complaintEventOf(first);
  if (submitted?.type !== 'ComplaintSubmitted') throw new Error(`complaint ${complaintId} has no submission event`);
  return TrackingId.parse(submitted.data.trackingId);
}
