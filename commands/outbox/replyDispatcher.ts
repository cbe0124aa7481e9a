import type { Logger } from '../../app/logger';
import type { SmsSender, TweetReplier } from '../channels/outboundPorts';
import { derivedUuid } from '../derivedId';
import type { ClaimedReply, OutboundReply, ReplyChannel, ReplyOutbox } from './replyOutbox';

export interface ReplyRetryPolicy {
  /** Attempts before a reply is given up (marked failed and logged as an error). */
  readonly maxAttempts: number;
  /** The wait after the first failure; it doubles after each further one, up to maxRetryMs. */
  readonly firstRetryMs: number;
  readonly maxRetryMs: number;
}

export interface ReplyDispatcherDependencies {
  readonly outbox: ReplyOutbox;
  /** The outbound ports of the channels turned on; a reply for another channel fails its attempts. */
  readonly senders: { readonly sms?: SmsSender | undefined; readonly twitter?: TweetReplier | undefined };
  readonly policy: ReplyRetryPolicy;
  readonly clock: () => Date;
  readonly logger: Logger;
}

export interface DispatchReport {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
}

export interface ReplyDispatcher {
  /** Sends one recorded reply now if no dispatcher holds it; a failure leaves it to a later pass. */
  sendNow(id: string): Promise<void>;
  /** Sends every due reply, batch after batch, until none is left. */
  dispatchDue(): Promise<DispatchReport>;
}

/** How long a claim keeps other dispatchers off a reply: longer than any send (HTTP adapters time out at 10 s a part). */
const LEASE_MS = 5 * 60 * 1000;
const BATCH = 20;

type Outcome = keyof DispatchReport;

/**
 * Delivery is at least once: a reply whose parts went out but whose mark was lost (a crash,
 * a lost connection) is claimed again after the lease and sent again, under the same part
 * ids (the idempotency key the HTTP gateways deduplicate by). Parts already recorded as sent
 * are not sent again; a thread goes on from its last tweet.
 */
export function replyDispatcher(deps: ReplyDispatcherDependencies): ReplyDispatcher {
  const { outbox, policy, clock, logger } = deps;

  const sendPart = async (reply: ClaimedReply, index: number, threadTip: string | undefined): Promise<string | undefined> => {
    const message = { id: derivedUuid(reply.id, `part/${index}`), text: reply.parts[index]! };
    const senders: Record<ReplyChannel, () => Promise<string | undefined>> = {
      sms: async () => {
        if (!deps.senders.sms) throw new Error('the SMS channel is off');
        await deps.senders.sms.send({ ...message, to: reply.recipient });
        return undefined;
      },
      twitter: async () => {
        if (!deps.senders.twitter) throw new Error('the Twitter/X channel is off');
        return (await deps.senders.twitter.reply({ ...message, inReplyToTweetId: threadTip ?? reply.recipient })).tweetId;
      },
    };
    return senders[reply.channel]();
  };

  const deliver = async (reply: ClaimedReply): Promise<Outcome> => {
    try {
      let threadTip = reply.threadTip;
      for (let index = reply.sentParts; index < reply.parts.length; index++) {
        threadTip = (await sendPart(reply, index, threadTip)) ?? threadTip;
        if (index + 1 < reply.parts.length) await outbox.recordProgress(reply.id, index + 1, threadTip);
      }
      await outbox.markSent(reply.id, clock());
      return 'sent';
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const context = { component: 'reply-outbox', replyId: reply.id, channel: reply.channel, attempts: reply.attempts, reason };
      if (reply.attempts >= policy.maxAttempts) {
        await outbox.markFailed(reply.id, clock(), reason);
        logger.error(context, 'reply given up: the citizen did not get it');
        return 'failed';
      }
      const waitMs = Math.min(policy.firstRetryMs * 2 ** (reply.attempts - 1), policy.maxRetryMs);
      await outbox.retryAt(reply.id, new Date(clock().getTime() + waitMs), reason);
      logger.warn({ ...context, retryInSeconds: waitMs / 1000 }, 'reply not sent; retrying later');
      return 'retrying';
    }
  };

  return {
    async sendNow(id) {
      for (const reply of await outbox.claim(clock(), LEASE_MS, { id })) await deliver(reply);
    },
    async dispatchDue() {
      const report = { sent: 0, retrying: 0, failed: 0 };
      for (;;) {
        const batch = await outbox.claim(clock(), LEASE_MS, { limit: BATCH });
        for (const outcome of await Promise.all(batch.map(deliver))) report[outcome]++;
        if (batch.length < BATCH) return report;
      }
    },
  };
}

/** How a webhook hands a reply over: recorded first, then (unless left to the dispatcher) sent at once. */
export interface ReplyQueue {
  deliver(reply: OutboundReply): Promise<void>;
}

export function replyQueue(outbox: ReplyOutbox, dispatcher: ReplyDispatcher | undefined, clock: () => Date): ReplyQueue {
  return {
    async deliver(reply) {
      if ((await outbox.enqueue(reply, clock())) && dispatcher) await dispatcher.sendNow(reply.id);
    },
  };
}
