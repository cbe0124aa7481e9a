import { z } from 'zod';
import type { ChannelSettings } from '../commands/channels/channelRouter';
import { httpSmsSender } from '../commands/channels/httpSmsSender';
import { loggingSmsSender, loggingTweetReplier } from '../commands/channels/loggingReplies';
import type { SmsSender, TweetReplier } from '../commands/channels/outboundPorts';
import { xApiReplier } from '../commands/channels/xApiReplier';
import type { ComplaintStatusLookup } from '../commands/channels/statusLookup';
import { PUBLIC_PROJECTION, publicComplaintsCollection } from '../projections/public/publicProjection';
import type { ReadModelReader } from '../projections/store/readModelReader';
import { ComplaintStatusSchema } from '../read-api/views/caseViewSchema';
import type { Config } from './config';
import type { Logger } from './logger';

const StatusOfPublicEntry = z.object({ status: ComplaintStatusSchema });

/** STATUS over SMS reads the public read model: a confidential complaint is a status-only entry there. */
export const publicStatusLookup =
  (reader: ReadModelReader): ComplaintStatusLookup =>
  async (trackingId) => {
    const document = await reader.getDocument(PUBLIC_PROJECTION, publicComplaintsCollection.name, trackingId);
    return document === undefined ? undefined : StatusOfPublicEntry.parse(document.body).status;
  };

/**
 * The gateway channels the configuration turns on. SMS replies go to SMS_GATEWAY_URL when set,
 * tweet replies to the X API when X_API_USER_TOKEN is set; otherwise they are logged.
 */
export function channelSettings(config: Config, logger: Logger, reader: ReadModelReader): ChannelSettings {
  const smsSender = (secret: string): SmsSender =>
    config.SMS_GATEWAY_URL === undefined ? loggingSmsSender(logger) : httpSmsSender({ url: config.SMS_GATEWAY_URL, secret, clock: () => new Date() });
  const tweetReplier: TweetReplier =
    config.X_API_USER_TOKEN === undefined ? loggingTweetReplier(logger) : xApiReplier({ baseUrl: config.X_API_BASE_URL, userToken: config.X_API_USER_TOKEN });
  return {
    ...(config.SMS_WEBHOOK_SECRET === undefined ? {} : { sms: { secret: config.SMS_WEBHOOK_SECRET, sender: smsSender(config.SMS_WEBHOOK_SECRET) } }),
    ...(config.TWITTER_WEBHOOK_SECRET === undefined ? {} : { twitter: { secret: config.TWITTER_WEBHOOK_SECRET, replier: tweetReplier } }),
    maxAgeSeconds: config.WEBHOOK_MAX_AGE_SECONDS,
    defaultRegionCode: config.GATEWAY_REGION_CODE,
    statusOf: publicStatusLookup(reader),
    replies: {
      policy: { maxAttempts: config.REPLY_MAX_ATTEMPTS, firstRetryMs: config.REPLY_FIRST_RETRY_SECONDS * 1000, maxRetryMs: config.REPLY_MAX_RETRY_SECONDS * 1000 },
      logger,
      sendAtOnce: true,
    },
  };
}
