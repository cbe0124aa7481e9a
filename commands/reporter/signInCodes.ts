import { timingSafeEqual } from 'node:crypto';
import { migrate, type Migration } from '../../eventstore/postgres/migrate';
import { checkSchemaName, type SqlClient } from '../../eventstore/postgres/sqlClient';
import { SIGN_IN_CODE_MAX_TRIES } from './signInCode';

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'reporter sign-in codes',
    sql: `
      -- The one live sign-in code per contact: a keyed hash of it (signInCode.ts), never the
      -- code, keyed by the contact's blind index, never the contact. A new code replaces the old.
      CREATE TABLE $S.sign_in_codes (
        blind_index text PRIMARY KEY,
        reporter_id text NOT NULL,
        code_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        tries int NOT NULL DEFAULT 0
      );
      CREATE INDEX sign_in_codes_expires_at ON $S.sign_in_codes (expires_at);
    `,
  },
];

/** Reporters' one-time sign-in codes (PostgreSQL or PGlite). Instants come from the caller's clock. */
export class SignInCodes {
  private constructor(
    private readonly client: SqlClient,
    private readonly schema: string,
  ) {}

  static async open(client: SqlClient, schema: string): Promise<SignInCodes> {
    await migrate(client, checkSchemaName(schema), 'sign-in-codes', migrations);
    return new SignInCodes(client, schema);
  }

  /** Stores a new code for the contact, replacing any earlier one (its tries start again). */
  async issue(blindIndex: string, reporterId: string, codeHash: string, expiresAt: Date): Promise<void> {
    await this.client.query(
      `INSERT INTO ${this.schema}.sign_in_codes (blind_index, reporter_id, code_hash, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (blind_index) DO UPDATE SET reporter_id = excluded.reporter_id, code_hash = excluded.code_hash, expires_at = excluded.expires_at, tries = 0`,
      [blindIndex, reporterId, codeHash, expiresAt.toISOString()],
    );
  }

  /**
   * The account the code signs in to, once: the code is consumed. Undefined for no code, an
   * expired one, a used one, a wrong one and any try beyond the allowance. Every try is
   * counted (under the row lock) before its hash is compared, so concurrent guesses cannot
   * compare more than SIGN_IN_CODE_MAX_TRIES times; of two right tries, only one deletes the row.
   */
  async redeem(blindIndex: string, codeHash: string, now: Date): Promise<string | undefined> {
    const [live] = await this.client.query<{ code_hash: string }>(
      `UPDATE ${this.schema}.sign_in_codes SET tries = tries + 1 WHERE blind_index = $1 AND tries < $2 AND expires_at > $3 RETURNING code_hash`,
      [blindIndex, SIGN_IN_CODE_MAX_TRIES, now.toISOString()],
    );
    if (live === undefined || !sameHash(live.code_hash, codeHash)) return undefined;
    const [consumed] = await this.client.query<{ reporter_id: string }>(`DELETE FROM ${this.schema}.sign_in_codes WHERE blind_index = $1 AND code_hash = $2 RETURNING reporter_id`, [blindIndex, codeHash]);
    return consumed?.reporter_id;
  }

  /** Codes that expired: they sign no one in any more. */
  async purgeExpired(now: Date): Promise<number> {
    const rows = await this.client.query(`DELETE FROM ${this.schema}.sign_in_codes WHERE expires_at <= $1 RETURNING blind_index`, [now.toISOString()]);
    return rows.length;
  }
}

const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
