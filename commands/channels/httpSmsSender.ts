import type { SmsSender } from './outboundPorts';
import { SIGNATURE_HEADER, webhookSignatureOf } from './webhookSignature';

export interface HttpSmsSenderOptions {
  /** The gateway's send endpoint. */
  readonly url: string;
  /** The secret shared with the gateway: replies are signed as its deliveries are. */
  readonly secret: string;
  readonly clock: () => Date;
  readonly timeoutMs?: number;
}

/**
 * Posts each SMS part to the gateway as `{id, to, text}`, signed with X-Lapor-Signature. The
 * id, also sent as `Idempotency-Key`, is the client reference a gateway deduplicates by: the
 * reply outbox sends at least once. Anything but a 2xx throws, and the outbox retries later.
 */
export function httpSmsSender(options: HttpSmsSenderOptions): SmsSender {
  return {
    async send(message) {
      const body = JSON.stringify({ id: message.id, to: message.to, text: message.text });
      const timestamp = Math.floor(options.clock().getTime() / 1000);
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': message.id, [SIGNATURE_HEADER]: `t=${timestamp},v1=${webhookSignatureOf(options.secret, timestamp, Buffer.from(body, 'utf8'))}` },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`the SMS gateway answered ${response.status} to reply ${message.id}`);
    },
  };
}
