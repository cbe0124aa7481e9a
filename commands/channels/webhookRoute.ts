import type { RequestHandler } from 'express';
import type { z } from 'zod';
import { HttpProblem } from '../../app/http/httpProblem';
import type { HttpResult } from '../../app/http/httpResult';
import { rawBodyOf } from '../../app/http/jsonBody';
import { problem } from '../../app/http/problem';
import { requestIdOf } from '../../app/http/requestIds';
import { sendResult } from '../../app/http/sendResult';
import { parseInput } from '../../app/http/validation';
import { checkWebhookSignature, SIGNATURE_HEADER } from './webhookSignature';

export interface WebhookSettings {
  readonly secret: string;
  /** Deliveries signed longer ago (or further ahead) than this are refused as replays. */
  readonly maxAgeSeconds: number;
  readonly clock: () => Date;
}

const EMPTY = new Uint8Array(0);

/** A gateway's POST: signature first (401, nothing parsed), then the payload (400 with field paths), then the handler. */
export function webhookRoute<Schema extends z.ZodType>(
  settings: WebhookSettings,
  payload: Schema,
  handle: (delivery: z.output<Schema>, requestId: string) => Promise<HttpResult>,
): RequestHandler {
  return async (req, res) => {
    const check = checkWebhookSignature({
      secret: settings.secret,
      header: req.get(SIGNATURE_HEADER),
      rawBody: rawBodyOf(req) ?? EMPTY,
      now: settings.clock(),
      maxAgeSeconds: settings.maxAgeSeconds,
    });
    if (!check.ok) {
      const stale = check.reason === 'stale';
      throw new HttpProblem(
        problem(401, stale ? 'stale_signature' : 'invalid_signature', stale ? 'The delivery is too old' : 'The delivery signature is not valid', {
          detail: stale
            ? `the signed timestamp is more than ${settings.maxAgeSeconds} s from the server's clock`
            : `expected ${SIGNATURE_HEADER}: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`,
        }),
      );
    }
    sendResult(res, await handle(parseInput(payload, req.body, 'body'), requestIdOf(req)));
  };
}
