import { migrate, type Migration } from '../../eventstore/postgres/migrate';
import { checkSchemaName, type SqlClient } from '../../eventstore/postgres/sqlClient';
import { Actor } from '../../eventstore/metadata';

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'pending reporter erasures',
    sql: `
      -- Erasures begun and not yet completed, so the scheduler can finish one whose request
      -- crashed, without scanning the ledger for reporter streams. Holds no personal data.
      CREATE TABLE $S.pending_erasures (
        reporter_id text PRIMARY KEY,
        requester jsonb NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];

export interface PendingErasure {
  readonly reporterId: string;
  readonly requester: Actor;
}

/** The reporters whose erasure is under way (PostgreSQL or PGlite). */
export class PendingErasures {
  private constructor(
    private readonly client: SqlClient,
    private readonly schema: string,
  ) {}

  static async open(client: SqlClient, schema: string): Promise<PendingErasures> {
    await migrate(client, checkSchemaName(schema), 'pending-erasures', migrations);
    return new PendingErasures(client, schema);
  }

  /** Keeps the first requester when asked again. */
  async add(reporterId: string, requester: Actor): Promise<void> {
    await this.client.query(`INSERT INTO ${this.schema}.pending_erasures (reporter_id, requester) VALUES ($1, $2) ON CONFLICT (reporter_id) DO NOTHING`, [reporterId, JSON.stringify(requester)]);
  }

  async remove(reporterId: string): Promise<void> {
    await this.client.query(`DELETE FROM ${this.schema}.pending_erasures WHERE reporter_id = $1`, [reporterId]);
  }

  /** The oldest first. */
  async list(limit: number): Promise<PendingErasure[]> {
    const rows = await this.client.query<{ reporter_id: string; requester: unknown }>(
      `SELECT reporter_id, requester FROM ${this.schema}.pending_erasures ORDER BY requested_at, reporter_id LIMIT $1`,
      [limit],
    );
    return rows.map((row) => ({ reporterId: row.reporter_id, requester: Actor.parse(typeof row.requester === 'string' ? JSON.parse(row.requester) : row.requester) }));
  }
}
