import type { Request, RequestHandler } from 'express';
import { HttpProblem } from './httpProblem';
import { problem } from './problem';
import type { RateLimitStore, RateRule } from './rateLimitStore';

/** A rule and who it counts for this request: none (the rule does not apply) or several subjects. */
export interface RateLimitCheck {
  readonly rule: RateRule;
  subjectsOf(req: Request): Promise<readonly string[]> | readonly string[];
}

export const clientAddressOf = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? 'unknown';

export const rateLimited = (retryAfterSeconds: number): HttpProblem =>
  new HttpProblem(problem(429, 'rate_limited', 'Too many requests', { detail: `retry after ${retryAfterSeconds} s` }), { 'retry-after': String(retryAfterSeconds) });

/**
 * Answers 429 with Retry-After (the longest wait any rule asks) before the route runs.
 * `givenBackWhen` returns the allowance after the answer when it says the request was not
 * what the limit is for (a success, for access-code guessing).
 */
export function rateLimit(store: RateLimitStore, checks: readonly RateLimitCheck[], givenBackWhen?: (status: number) => boolean): RequestHandler {
  return async (req, res, next) => {
    const entries: { rule: RateRule; subject: string }[] = [];
    for (const check of checks) for (const subject of await check.subjectsOf(req)) entries.push({ rule: check.rule, subject });
    // One statement for all of them: one round trip per request however many rules apply.
    const wait = Math.max(0, ...(await store.takeAll(entries)).map((decision) => (decision.allowed ? 0 : decision.retryAfterSeconds)));
    if (wait > 0) throw rateLimited(wait);
    if (givenBackWhen !== undefined) {
      // The allowance is back before the client has the answer, so its next request finds it.
      const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
      res.end = ((...args: unknown[]) => {
        if (!givenBackWhen(res.statusCode)) return end(...args);
        void store
          .giveBack(entries)
          .catch(() => undefined) // a failure only leaves the allowance spent
          .finally(() => end(...args));
        return res;
      }) as typeof res.end;
    }
    next();
  };
}
