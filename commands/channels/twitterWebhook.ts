import { z } from 'zod';
import { jsonResult, type HttpResult } from '../../app/http/httpResult';
import { filingResult, gatewayText } from './gatewayHttp';
import { fileGatewayMessage, gatewayReplyId, type GatewayIntakeDependencies } from './gatewaySubmission';
import type { ReplyQueue } from '../outbox/replyDispatcher';
import { filingReply, TWEET_STATUS_HINT } from './replyTexts';
import { tweetParts } from './tweetParts';

/** The account citizens mention. */
export const LAPOR_HANDLE = 'lapor1708';

/** What the Twitter/X relay posts for each mention of @lapor1708. */
export const TweetDelivery = z
  .object({
    tweetId: z.string().regex(/^\d{1,20}$/, 'expected the tweet id (digits)'),
    author: z.string().regex(/^@?[A-Za-z0-9_]{1,15}$/, 'expected the author handle, like @budi_s'),
    text: gatewayText(4000),
  })
  .strict();
export type TweetDelivery = z.infer<typeof TweetDelivery>;

export interface TwitterChannelDependencies extends GatewayIntakeDependencies {
  readonly replies: ReplyQueue;
  readonly clock: () => Date;
}

const LEADING_MENTIONS = /^(\s*@[A-Za-z0-9_]{1,15})+\s*/;

/**
 * A mention becomes a complaint (public by nature: a tweet is public, so it is never
 * confidential) and gets a reply with the tracking id. Our own tweets and bare mentions
 * are not complaints and are not answered: replying to every mention would be spam.
 */
export function twitterWebhook(deps: TwitterChannelDependencies) {
  return async (delivery: TweetDelivery, requestId: string): Promise<HttpResult> => {
    const author = delivery.author.replace(/^@/, '');
    const text = delivery.text.replace(LEADING_MENTIONS, '').trim();
    if (author.toLowerCase() === LAPOR_HANDLE || text.length === 0) return jsonResult(200, { outcome: 'ignored' });
    const filing = await fileGatewayMessage(
      deps,
      { channel: 'twitter', messageId: delivery.tweetId, text, sender: { name: `@${author}` }, receivedAt: deps.clock() },
      requestId,
    );
    const reply = `@${author} ${filingReply(filing, TWEET_STATUS_HINT)}`;
    await deps.replies.deliver({ id: gatewayReplyId('twitter', delivery.tweetId), channel: 'twitter', recipient: delivery.tweetId, parts: tweetParts(reply) });
    return filingResult(filing);
  };
}
