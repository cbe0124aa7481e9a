import { migrate, type Migration } from '../../../eventstore/postgres/migrate';
import { checkSchemaName, type SqlClient, type SqlQueryable } from '../../../eventstore/postgres/sqlClient';

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'attachment uploads awaiting a reference',
    sql: `
      -- Files uploaded and not yet known to be referenced, with the last time one was uploaded or
      -- named by a command: the sweep (app/scheduler/uploadSweepPass.ts) deletes those left
      -- unreferenced past the grace period. A row whose file a complaint references is removed;
      -- the ledger keeps the reference for good.
      CREATE TABLE $S.attachment_uploads (
        attachment_id text PRIMARY KEY,
        touched_at timestamptz NOT NULL
      );
      CREATE INDEX attachment_uploads_touched ON $S.attachment_uploads (touched_at);
    `,
  },
];

/**
 * The uploads the sweep may delete, in PostgreSQL or PGlite (the same SQL).
 *
 * Why a table and not a listing of the store: the disk and an S3 bucket list only what is
 * stored, not when it was last asked for, and an S3 listing of a national archive costs a
 * request per thousand objects; one small indexed table serves both stores and takes the
 * row locks that make the sweep safe against a reference arriving while it runs:
 *
 * - an upload records its file (touch) before storing it, and the command-side reference
 *   check touches each file it names before it looks the file up;
 * - the sweep deletes a file only while it holds its row locked and stale, and deletes the row
 *   in the same transaction. A touch either lands first (the row is no longer stale: skipped)
 *   or waits for that transaction, after which the file is gone and the check answers 400.
 */
export class AttachmentUploads {
  private constructor(
    private readonly client: SqlClient,
    private readonly table: string,
  ) {}

  static async open(client: SqlClient, schema: string): Promise<AttachmentUploads> {
    await migrate(client, checkSchemaName(schema), 'attachment-uploads', migrations);
    return new AttachmentUploads(client, `${schema}.attachment_uploads`);
  }

  /** An upload of the file: it has the whole grace period from `at` to be referenced. */
  async recordUpload(attachmentId: string, at: Date): Promise<void> {
    await this.client.query(
      `INSERT INTO ${this.table} (attachment_id, touched_at) VALUES ($1, $2)
       ON CONFLICT (attachment_id) DO UPDATE SET touched_at = GREATEST(${this.table}.touched_at, EXCLUDED.touched_at)`,
      [attachmentId, at.toISOString()],
    );
  }

  /** A command names the files: the sweep leaves them be for another grace period (files not tracked are left alone). */
  async recordReference(attachmentIds: readonly string[], at: Date): Promise<void> {
    await this.client.query(`UPDATE ${this.table} SET touched_at = GREATEST(touched_at, $2) WHERE attachment_id = ANY($1::text[])`, [[...attachmentIds], at.toISOString()]);
  }

  /** Files last touched before `cutoff`, the oldest first. */
  async staleBefore(cutoff: Date, limit: number): Promise<string[]> {
    const rows = await this.client.query<{ attachment_id: string }>(
      `SELECT attachment_id FROM ${this.table} WHERE touched_at < $1 ORDER BY touched_at, attachment_id LIMIT $2`,
      [cutoff.toISOString(), limit],
    );
    return rows.map((row) => row.attachment_id);
  }

  /**
   * Runs `deleteFile` with the file's row locked, when it is still stale and no other sweeper
   * holds it (SKIP LOCKED: two schedulers share the work), and removes the row in the same
   * transaction. Answers whether it ran.
   */
  async deleteIfStale(attachmentId: string, cutoff: Date, deleteFile: () => Promise<void>): Promise<boolean> {
    return this.client.transaction(async (tx: SqlQueryable) => {
      const locked = await tx.query(`SELECT 1 FROM ${this.table} WHERE attachment_id = $1 AND touched_at < $2 FOR UPDATE SKIP LOCKED`, [attachmentId, cutoff.toISOString()]);
      if (locked.length === 0) return false;
      await deleteFile();
      await tx.query(`DELETE FROM ${this.table} WHERE attachment_id = $1`, [attachmentId]);
      return true;
    });
  }

  /** A referenced file leaves the sweep's care: the ledger holds its reference for good. */
  async forget(attachmentId: string): Promise<void> {
    await this.client.query(`DELETE FROM ${this.table} WHERE attachment_id = $1`, [attachmentId]);
  }
}
