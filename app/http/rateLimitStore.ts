import { createHash } from 'node:crypto';
import { migrate, type Migration } from '../../eventstore/postgres/migrate';
import { checkSchemaName, type SqlClient } from '../../eventstore/postgres/sqlClient';

/** At most `limit` requests per `periodSeconds`, of which all may come at once. */
export interface RateRule {
  readonly name: string;
  readonly limit: number;
  readonly periodSeconds: number;
}

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'rate limits',
    sql: `
      -- GCRA: one row per (rule, subject) holding the theoretical arrival time; a row whose
      -- time has passed says nothing any more and is purged. Keys are hashes, never an IP
      -- address or a phone number in clear.
      CREATE TABLE $S.rate_limits (key text PRIMARY KEY, tat timestamptz NOT NULL);
      CREATE INDEX rate_limits_tat ON $S.rate_limits (tat);
    `,
  },
];

/**
 * Rate limits in the SQL database (PostgreSQL or PGlite), so they hold across restarts and
 * across API nodes. The generic cell rate algorithm in one statement on the database's
 * clock: each request moves the subject's theoretical arrival time on by period/limit; a
 * request that would move it more than a period ahead of now is refused and changes nothing.
 */
export class RateLimitStore {
  private constructor(
    private readonly client: SqlClient,
    private readonly schema: string,
  ) {}

  static async open(client: SqlClient, schema: string): Promise<RateLimitStore> {
    await migrate(client, checkSchemaName(schema), 'rate_limits', migrations);
    return new RateLimitStore(client, schema);
  }

  async take(rule: RateRule, subject: string): Promise<RateDecision> {
    const key = createHash('sha256').update(`${rule.name}\n${subject}`, 'utf8').digest('base64url');
    const emissionMs = (rule.periodSeconds * 1000) / rule.limit;
    const [row] = await this.client.query<{ allowed: boolean; retry_after_ms: number | null }>(
      `WITH attempt AS (
         INSERT INTO ${this.schema}.rate_limits AS r (key, tat) VALUES ($1, now() + $2 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET tat = greatest(r.tat, now()) + $2 * interval '1 millisecond'
           WHERE greatest(r.tat, now()) + $2 * interval '1 millisecond' <= now() + $3 * interval '1 second'
         RETURNING tat)
       SELECT EXISTS (SELECT 1 FROM attempt) AS allowed,
              CASE WHEN NOT EXISTS (SELECT 1 FROM attempt) THEN
                (SELECT extract(epoch FROM r.tat - now()) * 1000 + $2 - $3 * 1000 FROM ${this.schema}.rate_limits r WHERE r.key = $1)::float8
              END AS retry_after_ms`,
      [key, emissionMs, rule.periodSeconds],
    );
    if (row?.allowed) return { allowed: true };
    // A row inserted by a concurrent request is not in this statement's snapshot: then a second is a fair guess.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row?.retry_after_ms ?? 1000) / 1000)) };
  }

  /** Rows whose arrival time has passed: they no longer limit anyone. */
  async purgeExpired(): Promise<number> {
    const rows = await this.client.query(`DELETE FROM ${this.schema}.rate_limits WHERE tat < now() RETURNING key`);
    return rows.length;
  }
}
