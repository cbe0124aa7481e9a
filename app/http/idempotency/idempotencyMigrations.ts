import type { Migration } from '../../../eventstore/postgres/migrate';

export const idempotencyMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'idempotency records',
    sql: `
      -- One row per (caller, Idempotency-Key). The key itself is not stored: record_id is a
      -- hash of it, and draft/response are AES-GCM boxes under a key derived from it, so a
      -- leaked table reveals no receipt access code.
      CREATE TABLE $S.idempotency_records (
        record_id text PRIMARY KEY,
        fingerprint text NOT NULL,
        state text NOT NULL CHECK (state IN ('in_progress', 'completed')),
        lease_token uuid,
        lease_expires_at timestamptz,
        draft bytea NOT NULL,
        response bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CHECK ((state = 'completed') = (response IS NOT NULL))
      );
      CREATE INDEX idempotency_records_created_at ON $S.idempotency_records (created_at);
    `,
  },
];
