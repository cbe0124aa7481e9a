import { Router } from 'express';
import type { RateDecision } from '../../app/http/rateLimitStore';
import type { AccessCodes } from '../accessCodeHash';
import type { EventStore } from '../../eventstore/port';
import type { HandleCommand } from '../handleCommand';
import type { PersonalDataSealer } from '../intake/submitComplaint';
import type { Logger } from '../../app/logger';
import type { ReplyQueue, ReplyRetryPolicy } from '../outbox/replyDispatcher';
import type { SmsSender, TweetReplier } from './outboundPorts';
import { SmsDelivery, smsWebhook } from './smsWebhook';
import type { ComplaintStatusLookup } from './statusLookup';
import { TweetDelivery, twitterWebhook } from './twitterWebhook';
import { webhookRoute } from './webhookRoute';

export interface ChannelSettings {
  /** A channel without a secret is off (its route does not exist). */
  readonly sms?: { readonly secret: string; readonly sender: SmsSender };
  readonly twitter?: { readonly secret: string; readonly replier: TweetReplier };
  readonly maxAgeSeconds: number;
  /** Where a message without a region code is filed until the admin routes it. */
  readonly defaultRegionCode: string;
  readonly statusOf: ComplaintStatusLookup;
  /**
   * Replies go through the reply outbox (commands/outbox): retried per `policy`, given-up ones
   * logged to `logger`. With `sendAtOnce` the webhook also sends its reply right after recording
   * it (the dispatcher retries a failure); without, the dispatcher's next pass sends it.
   */
  readonly replies: { readonly policy: ReplyRetryPolicy; readonly logger: Logger; readonly sendAtOnce: boolean };
}

export interface ChannelRouterDependencies {
  readonly handle: HandleCommand;
  readonly store: EventStore;
  readonly vault: PersonalDataSealer;
  readonly accessCodes: Pick<AccessCodes, 'hash'>;
  readonly clock: () => Date;
  readonly channels: ChannelSettings;
  readonly replies: ReplyQueue;
  readonly limitSmsSender?: (phone: string) => Promise<RateDecision>;
}

/** The gateways' webhooks: `POST /api/channels/sms` (SMS 1708) and `POST /api/channels/twitter` (@lapor1708). */
export function channelRouter({ handle, store, vault, accessCodes, clock, channels, replies, limitSmsSender }: ChannelRouterDependencies): Router {
  const router = Router();
  const intake = { handle, store, vault, accessCodes, clock, defaultRegionCode: channels.defaultRegionCode };
  const signed = (secret: string) => ({ secret, maxAgeSeconds: channels.maxAgeSeconds, clock });
  if (channels.sms) {
    router.post('/api/channels/sms', webhookRoute(signed(channels.sms.secret), SmsDelivery, smsWebhook({ ...intake, replies, statusOf: channels.statusOf, ...(limitSmsSender ? { limitSender: limitSmsSender } : {}) })));
  }
  if (channels.twitter) {
    router.post('/api/channels/twitter', webhookRoute(signed(channels.twitter.secret), TweetDelivery, twitterWebhook({ ...intake, replies })));
  }
  return router;
}
