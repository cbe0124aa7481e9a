import type { Request } from 'express';
import { z } from 'zod';
import { parseTrackingId } from '../../domain/trackingId';
import type { Authenticator } from './authenticate';
import { clientAddressOf, type RateLimitCheck } from './rateLimit';
import type { RateRule } from './rateLimitStore';

/** The same phone written as 0812..., +62812... or 62 812-... is one subject. */
export const phoneSubject = (phone: string): string => phone.replace(/\D/g, '').replace(/^0/, '62');

export const hourly = (name: string, limit: number): RateRule => ({ name, limit, periodSeconds: 3600 });

const BodyPhone = z.object({ reporter: z.object({ phone: z.string() }) });

/** Public intake: per client address, per phone given in the form, per signed-in reporter account. */
export function intakeRateChecks(perHour: number, authenticate: Authenticator): RateLimitCheck[] {
  return [
    { rule: hourly('intake-address', perHour), subjectsOf: (req) => [clientAddressOf(req)] },
    {
      rule: hourly('intake-phone', perHour),
      subjectsOf: (req) => {
        const parsed = BodyPhone.safeParse(req.body);
        return parsed.success ? [phoneSubject(parsed.data.reporter.phone)] : [];
      },
    },
    {
      rule: hourly('intake-account', perHour),
      // Only a request with a token pays for verifying it twice; a bad token is the 401 the route would give.
      subjectsOf: async (req: Request) => {
        if (req.get('authorization') === undefined) return [];
        const actor = await authenticate(req);
        return actor.role === 'reporter' ? [actor.id] : [];
      },
    },
  ];
}

/**
 * Reading a complaint with a receipt access code: per client address and per tracking id, so
 * guessing one complaint's 50-bit code from many addresses is held back too. Logins are not counted.
 */
export function accessCodeRateChecks(triesPerHour: number): RateLimitCheck[] {
  const guessing = (req: Request): boolean => req.get('x-access-code') !== undefined;
  const trackingIdOf = (raw: string): string => {
    const parsed = parseTrackingId(raw);
    return parsed.ok ? parsed.trackingId : raw;
  };
  // A code sent for an attachment (GET /api/attachments/{attachmentId}) names no complaint: the file is the object guessed at.
  const objectOf = (req: Request): string => (req.params.trackingId === undefined ? `attachment:${String(req.params.attachmentId)}` : trackingIdOf(String(req.params.trackingId)));
  return [
    { rule: hourly('access-code-address', triesPerHour), subjectsOf: (req) => (guessing(req) ? [clientAddressOf(req)] : []) },
    { rule: hourly('access-code-complaint', triesPerHour), subjectsOf: (req) => (guessing(req) ? [objectOf(req)] : []) },
  ];
}

/** SMS 1708: per sender number, counted only for signed deliveries (a forger cannot spend a citizen's allowance). */
export const smsSenderRule = (perHour: number): RateRule => hourly('sms-sender', perHour);
