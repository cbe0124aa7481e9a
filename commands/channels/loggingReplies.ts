import type { Logger } from '../../app/logger';
import type { SmsSender, TweetReplier } from './outboundPorts';

/** A phone number in a log line shows its last three digits only: logs carry no personal data. */
export const maskedNumber = (phone: string): string => `…${phone.slice(-3)}`;

/** Development adapters: the reply is logged instead of sent. */
export function loggingSmsSender(logger: Logger): SmsSender {
  return {
    async send(message) {
      logger.info({ channel: 'sms', replyId: message.id, to: maskedNumber(message.to), text: message.text }, 'SMS reply (development: not sent)');
    },
  };
}

export function loggingTweetReplier(logger: Logger): TweetReplier {
  return {
    async reply(tweet) {
      logger.info({ channel: 'twitter', replyId: tweet.id, inReplyTo: tweet.inReplyToTweetId, text: tweet.text }, 'tweet reply (development: not sent)');
      return {};
    },
  };
}
