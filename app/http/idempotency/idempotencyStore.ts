import { randomUUID } from 'node:crypto';
import { migrate } from '../../../eventstore/postgres/migrate';
import { checkSchemaName, type SqlClient } from '../../../eventstore/postgres/sqlClient';
import { idempotencyMigrations } from './idempotencyMigrations';

/** What a request with an Idempotency-Key finds. Boxes are opaque encrypted bytes. */
export type Reservation =
  /** This request executes: the first time, or (takenOver) again after another execution's lease ran out. */
  | { readonly kind: 'execute'; readonly leaseToken: string; readonly draft: Buffer; readonly takenOver: boolean }
  | { readonly kind: 'completed'; readonly response: Buffer }
  | { readonly kind: 'in_progress' }
  | { readonly kind: 'fingerprint_mismatch' };

interface RecordRow {
  fingerprint: string;
  state: 'in_progress' | 'completed';
  lease_token: string | null;
  lease_expired: boolean;
  response: Uint8Array | null;
}

/** Leases let a request interrupted by a crash be executed again, by whichever node sees it next. */
const DEFAULT_LEASE_MS = 30_000;

/**
 * Idempotency records in the SQL database (PostgreSQL or PGlite), so a retry is recognised
 * after a restart and on any API node.
 */
export class IdempotencyStore {
  private constructor(
    private readonly client: SqlClient,
    private readonly schema: string,
    private readonly leaseMs: number,
  ) {}

  static async open(client: SqlClient, schema: string, options: { readonly leaseMs?: number } = {}): Promise<IdempotencyStore> {
    await migrate(client, checkSchemaName(schema), 'idempotency', idempotencyMigrations);
    return new IdempotencyStore(client, schema, options.leaseMs ?? DEFAULT_LEASE_MS);
  }

  async reserve(recordId: string, fingerprint: string, draft: Buffer): Promise<Reservation> {
    // A row released between our insert and our read is simply tried again.
    for (;;) {
      const leaseToken = randomUUID();
      const inserted = await this.client.query(
        `INSERT INTO ${this.schema}.idempotency_records (record_id, fingerprint, state, lease_token, lease_expires_at, draft)
         VALUES ($1, $2, 'in_progress', $3, now() + $4 * interval '1 millisecond', $5)
         ON CONFLICT (record_id) DO NOTHING RETURNING record_id`,
        [recordId, fingerprint, leaseToken, this.leaseMs, draft],
      );
      if (inserted.length > 0) return { kind: 'execute', leaseToken, draft, takenOver: false };
      const [row] = await this.client.query<RecordRow>(
        `SELECT fingerprint, state, lease_token, lease_expires_at < now() AS lease_expired, response
           FROM ${this.schema}.idempotency_records WHERE record_id = $1`,
        [recordId],
      );
      if (!row) continue;
      if (row.fingerprint !== fingerprint) return { kind: 'fingerprint_mismatch' };
      if (row.state === 'completed' && row.response) return { kind: 'completed', response: Buffer.from(row.response) };
      if (!row.lease_expired || row.lease_token === null) return { kind: 'in_progress' };
      const takenOver = await this.takeOver(recordId, row.lease_token);
      if (takenOver) return takenOver;
    }
  }

  /** Stores the response; false when the lease was lost meanwhile (the other execution stores its own). */
  async complete(recordId: string, leaseToken: string, response: Buffer): Promise<boolean> {
    const rows = await this.client.query(
      `UPDATE ${this.schema}.idempotency_records
          SET state = 'completed', response = $3, completed_at = now(), lease_token = NULL, lease_expires_at = NULL
        WHERE record_id = $1 AND lease_token = $2 AND state = 'in_progress' RETURNING record_id`,
      [recordId, leaseToken, response],
    );
    return rows.length > 0;
  }

  /** Forgets an execution that produced nothing worth replaying (invalid input, a server error). */
  async release(recordId: string, leaseToken: string): Promise<void> {
    await this.client.query(`DELETE FROM ${this.schema}.idempotency_records WHERE record_id = $1 AND lease_token = $2 AND state = 'in_progress'`, [
      recordId,
      leaseToken,
    ]);
  }

  /**
   * Records older than the retention window (clients retry within hours, not weeks), in
   * batches so a large backlog never holds one long transaction. A key used again after
   * its record is gone executes anew.
   */
  async purgeCreatedBefore(instant: Date, batchSize = 1_000): Promise<number> {
    let purged = 0;
    for (;;) {
      const rows = await this.client.query(
        `DELETE FROM ${this.schema}.idempotency_records WHERE record_id IN (
           SELECT record_id FROM ${this.schema}.idempotency_records WHERE created_at < $1 ORDER BY created_at LIMIT $2)
         RETURNING record_id`,
        [instant.toISOString(), batchSize],
      );
      purged += rows.length;
      if (rows.length < batchSize) return purged;
    }
  }

  private async takeOver(recordId: string, expiredToken: string): Promise<Reservation | undefined> {
    const leaseToken = randomUUID();
    const [row] = await this.client.query<{ draft: Uint8Array }>(
      `UPDATE ${this.schema}.idempotency_records SET lease_token = $3, lease_expires_at = now() + $4 * interval '1 millisecond'
        WHERE record_id = $1 AND lease_token = $2 AND state = 'in_progress' AND lease_expires_at < now() RETURNING draft`,
      [recordId, expiredToken, leaseToken, this.leaseMs],
    );
    return row ? { kind: 'execute', leaseToken, draft: Buffer.from(row.draft), takenOver: true } : undefined;
  }
}
