import { createHmac } from 'node:crypto';
import type { ComplaintStatus } from '../../../domain/complaint';
import type { SmsMessage, TweetReply } from '../../../commands/channels/outboundPorts';
import type { ChannelSettings } from '../../../commands/channels/channelRouter';
import { createLogger } from '../../../app/logger';
import { NOW } from '../http/apiHarness';

export const SMS_SECRET = 'sms-gateway-shared-secret-0123456789abcdef';
export const TWITTER_SECRET = 'twitter-relay-shared-secret-0123456789abcdef';
export const MAX_AGE_SECONDS = 300;

/** Retries in tests: a few, a minute apart, so a test moves its clock instead of waiting. */
export const TEST_REPLY_POLICY = { maxAttempts: 3, firstRetryMs: 60_000, maxRetryMs: 120_000 };

/**
 * The outbound ports record what they were asked to send; statuses are set by the test.
 * `sendAtOnce: false` leaves replies in the outbox, as a node that died after recording them would.
 */
export function recordingChannels(options: { readonly sendAtOnce: boolean } = { sendAtOnce: true }) {
  const smsSent: SmsMessage[] = [];
  const tweetsSent: TweetReply[] = [];
  const statuses = new Map<string, ComplaintStatus>();
  const settings: ChannelSettings = {
    sms: { secret: SMS_SECRET, sender: { send: async (message) => void smsSent.push(message) } },
    twitter: { secret: TWITTER_SECRET, replier: { reply: async (tweet) => (tweetsSent.push(tweet), {}) } },
    maxAgeSeconds: MAX_AGE_SECONDS,
    defaultRegionCode: '31',
    statusOf: async (trackingId) => statuses.get(trackingId),
    replies: { policy: TEST_REPLY_POLICY, logger: createLogger('silent'), sendAtOnce: options.sendAtOnce },
  };
  return { settings, smsSent, tweetsSent, statuses };
}

/** Headers of a delivery as the gateway contract says to sign it (written out here, not taken from the code under test), `ageSeconds` before the harness clock. */
export function signedHeaders(secret: string, body: string, ageSeconds = 0): Record<string, string> {
  const timestamp = Math.floor(Date.parse(NOW) / 1000) - ageSeconds;
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return { 'content-type': 'application/json', 'x-lapor-signature': `t=${timestamp},v1=${signature}` };
}
