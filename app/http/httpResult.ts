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
