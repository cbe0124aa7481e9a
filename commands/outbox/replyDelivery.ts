import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import type { ChannelSettings } from '../channels/channelRouter';
import { replyDispatcher, replyQueue, type ReplyDispatcher, type ReplyQueue } from './replyDispatcher';
import { ReplyOutbox } from './replyOutbox';

export interface ReplyDelivery {
  readonly outbox: ReplyOutbox;
  /** For the background task: sends due replies and retries. */
  readonly dispatcher: ReplyDispatcher;
  /** For the webhooks. */
  readonly queue: ReplyQueue;
}

/** The reply outbox of the gateway channels, over the ledger's database. */
export async function openReplyDelivery(sql: SqlClient, schema: string, channels: ChannelSettings, clock: () => Date): Promise<ReplyDelivery> {
  const outbox = await ReplyOutbox.open(sql, schema);
  const dispatcher = replyDispatcher({
    outbox,
    senders: { sms: channels.sms?.sender, twitter: channels.twitter?.replier },
    policy: channels.replies.policy,
    clock,
    logger: channels.replies.logger,
  });
  return { outbox, dispatcher, queue: replyQueue(outbox, channels.replies.sendAtOnce ? dispatcher : undefined, clock) };
}
