import { z } from 'zod';
import type { TweetReplier } from './outboundPorts';

export interface XApiReplierOptions {
  /** https://api.x.com, or a stand-in (a test server, a relay). */
  readonly baseUrl: string;
  /** An OAuth 2.0 user access token of @lapor1708 with the tweet.write scope. */
  readonly userToken: string;
  readonly timeoutMs?: number;
}

/** The part of X's answer to `POST /2/tweets` we use: the new tweet's id, which the next part of a thread replies to. */
const CreatedTweet = z.object({ data: z.object({ id: z.string().regex(/^\d{1,20}$/) }) });

/**
 * Posts each reply as a tweet in reply to the citizen's (or to the previous part of the
 * thread) through the X API v2. Anything but a 2xx with a tweet id throws, and the outbox
 * retries later. X takes no idempotency key, but the part id is sent as `Idempotency-Key`
 * for a relay that honours one; X itself refuses an identical tweet posted twice.
 */
export function xApiReplier(options: XApiReplierOptions): TweetReplier {
  const endpoint = new URL('/2/tweets', options.baseUrl).toString();
  return {
    async reply(tweet) {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.userToken}`, 'idempotency-key': tweet.id },
        body: JSON.stringify({ text: tweet.text, reply: { in_reply_to_tweet_id: tweet.inReplyToTweetId } }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`the X API answered ${response.status} to reply ${tweet.id}`);
      }
      const created = CreatedTweet.safeParse(await response.json().catch(() => undefined));
      if (!created.success) throw new Error(`the X API answered reply ${tweet.id} without a tweet id`);
      return { tweetId: created.data.data.id };
    },
  };
}
