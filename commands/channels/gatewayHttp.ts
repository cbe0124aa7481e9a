import { z } from 'zod';
import { jsonResult, type HttpResult } from '../../app/http/httpResult';
import type { GatewayFiling } from './gatewaySubmission';

/** A message's text as a gateway delivers it (PostgreSQL jsonb cannot store NUL). */
export const gatewayText = (maxLength: number) =>
  z
    .string()
    .min(1)
    .max(maxLength)
    .refine((text) => !text.includes('\u0000'), 'text must not contain NUL characters');

/** The gateway's answer: 200 either way (a refusal is answered to the citizen, not retried by the gateway). */
export const filingResult = (filing: GatewayFiling): HttpResult =>
  jsonResult(200, filing.kind === 'filed' ? { outcome: 'filed', trackingId: filing.trackingId, redelivered: filing.redelivered } : { outcome: 'refused', code: filing.code });
