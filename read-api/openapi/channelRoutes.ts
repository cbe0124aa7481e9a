import { z } from 'zod';
import { SmsDelivery } from '../../commands/channels/smsWebhook';
import { TweetDelivery } from '../../commands/channels/twitterWebhook';
import { SIGNATURE_HEADER } from '../../commands/channels/webhookSignature';
import { commonProblems, problemResponse } from './problemSchema';
import type { ResponseDescription, RouteDescription } from './routeDescription';

/*
 * The gateways' webhooks (commands/channels/channelRouter.ts), described with the payload
 * schemas they parse. Each exists only when its channel's secret is configured.
 */

const SignatureHeaders = z
  .object({
    [SIGNATURE_HEADER]: z.string().meta({ description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>"> under the shared secret' }),
  })
  .strict();

const Filed = z.object({ outcome: z.literal('filed'), trackingId: z.string(), redelivered: z.boolean() }).strict();
const Refused = z.object({ outcome: z.literal('refused'), code: z.string() }).strict();

const webhook = (channel: 'sms' | 'twitter', summary: string, body: z.ZodType, answer: z.ZodType, more: Readonly<Record<number, ResponseDescription>> = {}): RouteDescription => ({
  method: 'post',
  path: `/api/channels/${channel}`,
  operationId: `${channel}Webhook`,
  summary,
  description: 'Exists only when the channel is configured. The gateway signs each delivery; a redelivered message files nothing new.',
  tag: 'channels',
  auth: 'none',
  request: { headers: SignatureHeaders, body },
  responses: {
    200: { description: 'What became of the message (the citizen is answered on their channel)', body: answer },
    400: commonProblems[400],
    401: problemResponse('The signature is missing, wrong or too old'),
    413: problemResponse('The request body is too large'),
    415: problemResponse('The request body is not JSON'),
    ...more,
    500: commonProblems[500],
  },
});

export const channelRouteDescriptions: readonly RouteDescription[] = [
  webhook(
    'sms',
    'SMS 1708 gateway: a complaint, a status request (a tracking id) or help',
    SmsDelivery,
    z.discriminatedUnion('outcome', [Filed, Refused, z.object({ outcome: z.enum(['status_sent', 'help_sent']) }).strict()]),
    { 429: problemResponse('Too many messages from this sender this hour: deliver again after Retry-After (the message is deferred, not lost)') },
  ),
  webhook('twitter', 'Twitter/X @lapor1708 relay: a mention becomes a complaint', TweetDelivery, z.discriminatedUnion('outcome', [Filed, Refused, z.object({ outcome: z.literal('ignored') }).strict()])),
];
