import { z } from 'zod';
import { ComplaintCategory } from '../domain/routing';

/** The spec's window: requests of at most 90 days, the latest 90 when no dates are given. */
export const WINDOW_DAYS = 90;
const WINDOW_MS = WINDOW_DAYS * 86_400_000;
/** The spec's "1000 results max" for one query. */
export const MAX_RESULTS = 1000;
const MAX_IDS = 100;
const MAX_CODES = 20;

/** A comma list of one kind of value, each once. */
const commaList = <T extends z.ZodType<string, string>>(item: T, max: number) =>
  z
    .string()
    .transform((text) => [...new Set(text.split(',').map((part) => part.trim()))])
    .pipe(z.array(item).min(1).max(max));

const W3cDateTime = z.iso.datetime({ offset: true, message: 'expected a W3C datetime with a timezone, like 2025-03-01T00:00:00+07:00' });

/** `GET /requests` query (strict; `api_key` and `jurisdiction_id` are tolerated since some clients send them on every call). */
export const RequestsQuery = z
  .object({
    api_key: z.string().max(200).optional(),
    jurisdiction_id: z.string().max(100).optional(),
    service_request_id: commaList(z.string().min(1).max(40), MAX_IDS).optional(),
    service_code: commaList(ComplaintCategory, MAX_CODES).optional(),
    start_date: W3cDateTime.optional(),
    end_date: W3cDateTime.optional(),
    status: commaList(z.enum(['open', 'closed']), 2).optional(),
  })
  .strict()
  .refine((q) => q.start_date === undefined || q.end_date === undefined || Date.parse(q.start_date) <= Date.parse(q.end_date), {
    message: 'must not be before start_date',
    path: ['end_date'],
  })
  .refine((q) => q.start_date === undefined || q.end_date === undefined || Date.parse(q.end_date) - Date.parse(q.start_date) <= WINDOW_MS, {
    message: `start_date to end_date may span at most ${WINDOW_DAYS} days`,
    path: ['end_date'],
  });
export type RequestsQuery = z.output<typeof RequestsQuery>;

export interface Window {
  /** Inclusive. */
  readonly from: Date;
  /** Inclusive. */
  readonly to: Date;
}

/** The spec's defaults: no dates, the last 90 days; one date, 90 days from (or up to) it. */
export function windowOf(query: Pick<RequestsQuery, 'start_date' | 'end_date'>, now: Date): Window {
  const start = query.start_date === undefined ? undefined : new Date(query.start_date);
  const end = query.end_date === undefined ? undefined : new Date(query.end_date);
  if (start && end) return { from: start, to: end };
  if (start) return { from: start, to: new Date(start.getTime() + WINDOW_MS) };
  const to = end ?? now;
  return { from: new Date(to.getTime() - WINDOW_MS), to };
}
