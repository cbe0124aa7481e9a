import { z } from 'zod';
import { jsonResult, type HttpResult } from '../../app/http/httpResult';
import { rateLimited } from '../../app/http/rateLimit';
import type { RateDecision } from '../../app/http/rateLimitStore';
import type { ReplyQueue } from '../outbox/replyDispatcher';
import { filingResult, gatewayText } from './gatewayHttp';
import { fileGatewayMessage, gatewayReplyId, type GatewayIntakeDependencies } from './gatewaySubmission';
import { filingReply, SMS_HELP, SMS_STATUS_HINT, statusReply } from './replyTexts';
import { smsParts } from './smsParts';
import { smsRequestOf } from './smsRequest';
import type { ComplaintStatusLookup } from './statusLookup';

/** What the SMS gateway posts for each SMS to 1708. */
export const SmsDelivery = z
  .object({
    messageId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'expected the gateway message id: 1 to 100 letters, digits or ._:-'),
    from: z.string().regex(/^\+?\d{6,15}$/, 'expected the sender number in digits, optionally after a +'),
    /** Ten concatenated parts at most. */
    text: gatewayText(1600),
    /** When the operator's network received it; a time ahead of the server's clock counts as now. */
    receivedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type SmsDelivery = z.infer<typeof SmsDelivery>;

export interface SmsChannelDependencies extends GatewayIntakeDependencies {
  readonly replies: ReplyQueue;
  readonly statusOf: ComplaintStatusLookup;
  readonly clock: () => Date;
  /** Counts an SMS against its sender's allowance (every SMS is answered, and answers cost money). */
  readonly limitSender?: (phone: string) => Promise<RateDecision>;
}

/** Answers one SMS: files `LAPOR ...`, reports `STATUS ...`, explains anything else; the reply goes out through the reply outbox. */
export function smsWebhook(deps: SmsChannelDependencies) {
  return async (delivery: SmsDelivery, requestId: string): Promise<HttpResult> => {
    const allowance = await deps.limitSender?.(delivery.from);
    // 429 asks the gateway to deliver again later: the message is deferred, not lost.
    if (allowance?.allowed === false) throw rateLimited(allowance.retryAfterSeconds);
    const request = smsRequestOf(delivery.text);
    // One reply per inbound message, whatever it asked: a redelivery records no second one.
    const reply = (text: string) => deps.replies.deliver({ id: gatewayReplyId('sms', delivery.messageId), channel: 'sms', recipient: delivery.from, parts: smsParts(text) });
    switch (request.kind) {
      case 'report': {
        const now = deps.clock();
        const receivedAt = delivery.receivedAt === undefined ? now : new Date(Math.min(Date.parse(delivery.receivedAt), now.getTime()));
        const filing = await fileGatewayMessage(deps, { channel: 'sms', messageId: delivery.messageId, text: request.text, sender: { phone: delivery.from }, receivedAt }, requestId);
        await reply(filingReply(filing, SMS_STATUS_HINT));
        return filingResult(filing);
      }
      case 'status':
        await reply(statusReply(request.trackingId, await deps.statusOf(request.trackingId)));
        return jsonResult(200, { outcome: 'status_sent' });
      case 'help':
        await reply(SMS_HELP);
        return jsonResult(200, { outcome: 'help_sent' });
    }
  };
}
