/** One failing input field: where (`body.title`, `headers.if-match`) and why. */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/**
 * RFC 9457 problem details, the one error shape of every route. `code` is a stable,
 * machine-readable extension; `errors` lists field failures of a 400.
 */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly code: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(status: number, code: string, title: string, extra: Omit<Partial<Problem>, 'status' | 'code' | 'title' | 'type'> = {}): Problem {
  return { type: `urn:lapor:problem:${code}`, title, status, code, ...extra };
}

export const validationProblem = (errors: readonly FieldError[]): Problem =>
  problem(400, 'validation_failed', 'The request is not valid', { detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors });
