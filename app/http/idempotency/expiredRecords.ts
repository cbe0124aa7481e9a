import type { RateLimitStore } from '../rateLimitStore';
import type { IdempotencyStore } from './idempotencyStore';

export interface ExpiredRecordsDependencies {
  readonly idempotency: IdempotencyStore;
  readonly rateLimits?: RateLimitStore;
  /** How long an Idempotency-Key is remembered (a retry after that executes anew). */
  readonly retentionMs: number;
  readonly clock: () => Date;
}

/** Deletes idempotency records past retention and rate-limit rows that limit nobody any more. */
export async function purgeExpiredRecords(deps: ExpiredRecordsDependencies): Promise<{ idempotencyRecords: number; rateLimits: number }> {
  const idempotencyRecords = await deps.idempotency.purgeCreatedBefore(new Date(deps.clock().getTime() - deps.retentionMs));
  const rateLimits = (await deps.rateLimits?.purgeExpired()) ?? 0;
  return { idempotencyRecords, rateLimits };
}
