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

const keyOf = (rule: RateRule, subject: string): string => createHash('sha256').update(`${rule.name}\n${subject}`, 'utf8').digest('base64url');

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
    const [decision] = await this.takeAll([{ rule, subject }]);
    return decision!;
  }

  /**
   * Several rules and subjects of one request in one statement (one round trip, one commit),
   * each decided on its own as take would; one decision per entry, in order. Rows are locked
   * in key order, so two requests sharing subjects wait for each other instead of deadlocking.
   */
  async takeAll(entries: readonly { readonly rule: RateRule; readonly subject: string }[]): Promise<RateDecision[]> {
    if (entries.length === 0) return [];
    const input = entries.map(({ rule, subject }) => ({
      key: keyOf(rule, subject),
      emission_ms: (rule.periodSeconds * 1000) / rule.limit,
      period_s: rule.periodSeconds,
    }));
    // One statement may not update a row twice: a repeated rule and subject is taken entry by entry.
    if (new Set(input.map((entry) => entry.key)).size < input.length) {
      const decisions: RateDecision[] = [];
      for (const entry of entries) decisions.push(...(await this.takeAll([entry])));
      return decisions;
    }
    // EXCLUDED.tat - now() is the entry's emission interval (now() is fixed within a transaction).
    const rows = await this.client.query<{ key: string; allowed: boolean; retry_after_ms: number | null }>(
      `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(key text, emission_ms float8, period_s float8)),
       attempt AS (
         INSERT INTO ${this.schema}.rate_limits AS r (key, tat)
         SELECT key, now() + emission_ms * interval '1 millisecond' FROM input ORDER BY key
         ON CONFLICT (key) DO UPDATE SET tat = greatest(r.tat, now()) + (excluded.tat - now())
           WHERE greatest(r.tat, now()) + (excluded.tat - now())
                 <= now() + (SELECT i.period_s FROM input i WHERE i.key = excluded.key) * interval '1 second'
         RETURNING key)
       SELECT input.key, attempt.key IS NOT NULL AS allowed,
              CASE WHEN attempt.key IS NULL THEN
                (SELECT extract(epoch FROM r.tat - now()) * 1000 + input.emission_ms - input.period_s * 1000 FROM ${this.schema}.rate_limits r WHERE r.key = input.key)::float8
              END AS retry_after_ms
         FROM input LEFT JOIN attempt ON attempt.key = input.key`,
      [JSON.stringify(input)],
    );
    const rowOfKey = new Map(rows.map((row) => [row.key, row]));
    return input.map(({ key }): RateDecision => {
      const row = rowOfKey.get(key);
      if (row?.allowed) return { allowed: true };
      // A row inserted by a concurrent request is not in this statement's snapshot: then a second is a fair guess.
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row?.retry_after_ms ?? 1000) / 1000)) };
    });
  }

  /**
   * Gives back what takeAll took for these entries (a request that turned out not to be the
   * thing limited: a correct access code is no guess). Never below now: nothing is banked.
   */
  async giveBack(entries: readonly { readonly rule: RateRule; readonly subject: string }[]): Promise<void> {
    if (entries.length === 0) return;
    const input = entries.map(({ rule, subject }) => ({ key: keyOf(rule, subject), emission_ms: (rule.periodSeconds * 1000) / rule.limit }));
    await this.client.query(
      `UPDATE ${this.schema}.rate_limits AS r SET tat = greatest(now(), r.tat - i.emission_ms * interval '1 millisecond')
         FROM jsonb_to_recordset($1::jsonb) AS i(key text, emission_ms float8) WHERE r.key = i.key`,
      [JSON.stringify(input)],
    );
  }

  /** Rows whose arrival time has passed: they no longer limit anyone. */
  async purgeExpired(): Promise<number> {
    const rows = await this.client.query(`DELETE FROM ${this.schema}.rate_limits WHERE tat < now() RETURNING key`);
    return rows.length;
  }
}
