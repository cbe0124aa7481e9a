/**
 * How the command side answers citizens on their channel. Each message carries an id
 * derived from the inbound message it answers, so a gateway that deduplicates by client
 * reference sends a reply to a redelivered message only once.
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

export interface TweetReplier {
  reply(tweet: TweetReply): Promise<void>;
}
