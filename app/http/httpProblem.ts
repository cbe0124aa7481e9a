import type { Problem } from './problem';

/** Thrown by plumbing (validation, authentication) to answer with a problem at once. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  constructor(
    readonly problem: Problem,
    readonly headers: Readonly<Record<string, string>> = {},
    /** The failure behind a 5xx, for the log only (never sent). */
    cause?: unknown,
  ) {
    super(problem.detail ?? problem.title, cause === undefined ? undefined : { cause });
  }
}
