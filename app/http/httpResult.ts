import { z } from 'zod';
import { PROBLEM_CONTENT_TYPE, type Problem } from './problem';

/**
 * What a route answers, as a value: it can be stored for an idempotent replay and sent
 * later exactly as it was first sent.
 */
export interface HttpResult {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
}

export const jsonResult = (status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): HttpResult => ({ status, body, headers });

export const problemResult = (details: Problem, headers: Readonly<Record<string, string>> = {}): HttpResult => ({
  status: details.status,
  body: details,
  headers: { ...headers, 'content-type': PROBLEM_CONTENT_TYPE },
});

/** A stored result read back (from an idempotency record). */
export const StoredHttpResult = z.object({ status: z.int().min(100).max(599), body: z.unknown(), headers: z.record(z.string(), z.string()) }).strict();
