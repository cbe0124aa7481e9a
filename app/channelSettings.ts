import { z } from 'zod';
import type { ChannelSettings } from '../commands/channels/channelRouter';
import { loggingSmsSender, loggingTweetReplier } from '../commands/channels/loggingReplies';
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

/** The gateway channels the configuration turns on; replies are logged (development adapters) until a gateway adapter is configured. */
export function channelSettings(config: Config, logger: Logger, reader: ReadModelReader): ChannelSettings {
  return {
    ...(config.SMS_WEBHOOK_SECRET === undefined ? {} : { sms: { secret: config.SMS_WEBHOOK_SECRET, sender: loggingSmsSender(logger) } }),
    ...(config.TWITTER_WEBHOOK_SECRET === undefined ? {} : { twitter: { secret: config.TWITTER_WEBHOOK_SECRET, replier: loggingTweetReplier(logger) } }),
    maxAgeSeconds: config.WEBHOOK_MAX_AGE_SECONDS,
    defaultRegionCode: config.GATEWAY_REGION_CODE,
    statusOf: publicStatusLookup(reader),
  };
}
