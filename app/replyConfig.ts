import { z } from 'zod';
import { HttpsOrLoopbackUrl } from './auth/jwtConfig';

/** Replies to SMS and tweets: the X API adapter and the reply outbox's retries (spread into app/config.ts). */
export const ReplyConfig = z.object({
  /** An OAuth 2.0 user access token of the @lapor1708 account (tweet.write); without it, tweet replies are only logged. */
  X_API_USER_TOKEN: z.string().regex(/^[\x21-\x7e]{20,}$/, 'must be the access token: at least 20 printable characters, no spaces').optional(),
  X_API_BASE_URL: HttpsOrLoopbackUrl.default('https://api.x.com'),
  /** Seconds between passes of the reply dispatcher; 0 on nodes that must not run one. Any number may. */
  REPLY_DISPATCH_INTERVAL_SECONDS: z.coerce.number().int().min(0).default(5),
  /** Attempts before a reply is given up (logged as an error). */
  REPLY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** The wait after a reply's first failed attempt; it doubles after each further one, up to REPLY_MAX_RETRY_SECONDS. */
  REPLY_FIRST_RETRY_SECONDS: z.coerce.number().positive().default(10),
  REPLY_MAX_RETRY_SECONDS: z.coerce.number().positive().default(600),
});
export type ReplyConfig = z.infer<typeof ReplyConfig>;

/** What no single variable's schema can say; undefined when the reply settings hold together. */
export function replyConfigProblem(config: ReplyConfig & { readonly TWITTER_WEBHOOK_SECRET?: string | undefined }): string | undefined {
  if (config.X_API_USER_TOKEN !== undefined && config.TWITTER_WEBHOOK_SECRET === undefined) {
    return 'X_API_USER_TOKEN: set TWITTER_WEBHOOK_SECRET too (replies answer the Twitter/X relay\'s deliveries, which are off without it)';
  }
  if (config.REPLY_MAX_RETRY_SECONDS < config.REPLY_FIRST_RETRY_SECONDS) return 'REPLY_MAX_RETRY_SECONDS: must not be less than REPLY_FIRST_RETRY_SECONDS';
  return undefined;
}
