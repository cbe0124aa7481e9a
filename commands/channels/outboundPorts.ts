/**
 * How the command side answers citizens on their channel (called by the reply outbox's
 * dispatcher, commands/outbox). Each message carries an id derived from the inbound message
 * it answers, so a gateway that deduplicates by client reference sends a resent part once.
 */
export interface SmsMessage {
  readonly id: string;
  /** The number the SMS came from. */
  readonly to: string;
  /** At most one SMS worth (see smsParts). */
  readonly text: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

export interface TweetReply {
  readonly id: string;
  readonly inReplyToTweetId: string;
  readonly text: string;
}

/** The tweet an adapter posted (none when it only logs): the next part of a thread replies to it. */
export interface PostedTweet {
  readonly tweetId?: string;
}

export interface TweetReplier {
  reply(tweet: TweetReply): Promise<PostedTweet>;
}
