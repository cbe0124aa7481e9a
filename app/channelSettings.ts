import { z } from 'zod';
import type { ChannelSettings } from '../commands/channels/channelRouter';
import { httpSmsSender } from '../commands/channels/httpSmsSender';
import { loggingSmsSender, loggingTweetReplier } from '../commands/channels/loggingReplies';
import type { SmsSender } from '../commands/channels/outboundPorts';
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

/** The gateway channels the configuration turns on. SMS replies go to SMS_GATEWAY_URL when set; tweets (and SMS otherwise) are logged. */
export function channelSettings(config: Config, logger: Logger, reader: ReadModelReader): ChannelSettings {
  const smsSender = (secret: string): SmsSender =>
    config.SMS_GATEWAY_URL === undefined ? loggingSmsSender(logger) : httpSmsSender({ url: config.SMS_GATEWAY_URL, secret, clock: () => new Date() });
  return {
    ...(config.SMS_WEBHOOK_SECRET === undefined ? {} : { sms: { secret: config.SMS_WEBHOOK_SECRET, sender: smsSender(config.SMS_WEBHOOK_SECRET) } }),
    ...(config.TWITTER_WEBHOOK_SECRET === undefined ? {} : { twitter: { secret: config.TWITTER_WEBHOOK_SECRET, replier: loggingTweetReplier(logger) } }),
    maxAgeSeconds: config.WEBHOOK_MAX_AGE_SECONDS,
    defaultRegionCode: config.GATEWAY_REGION_CODE,
    statusOf: publicStatusLookup(reader),
  };
}
