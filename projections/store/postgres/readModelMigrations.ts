import type { Migration } from '../../../eventstore/postgres/migrate';

/** A read-model document's columns: the same in both versions, only the table's partitioning changed. */
const DOCUMENT_COLUMNS = `
  projection text NOT NULL,
  generation int NOT NULL,
  collection text NOT NULL,
  id text COLLATE "C" NOT NULL,
  keys jsonb NOT NULL,
  body jsonb NOT NULL,
  last_position text COLLATE "C" NOT NULL,
  PRIMARY KEY (projection, generation, collection, id)`;

/**
 * The read-model tables (component `read-models`): one document table (jsonb keys; bodies
 * jsonb, JSON text since version 4), partitioned by projection and generation since version 2
 * (see generationTables.ts), plus generations with
 * their checkpoints and poison records. Per-collection indexes are derived from the
 * collection specs (see collectionIndexes.ts) and created when the store opens.
 * Ids, positions and sort keys use the "C" collation so that text orders like MongoDB's.
 */
export const readModelMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'read-model documents, generations and poison records',
    sql: `
      CREATE TABLE $S.read_generations (
        projection text NOT NULL,
        generation int NOT NULL,
        version int NOT NULL,
        state text NOT NULL CHECK (state IN ('building', 'live', 'retired')),
        checkpoint text COLLATE "C" NOT NULL DEFAULT '',
        started_at timestamptz NOT NULL DEFAULT now(),
        promoted_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, generation)
      );
      CREATE UNIQUE INDEX read_generations_one_live ON $S.read_generations (projection) WHERE state = 'live';

      CREATE TABLE $S.read_documents (${DOCUMENT_COLUMNS});

      CREATE TABLE $S.read_poison (
        projection text NOT NULL,
        generation int NOT NULL,
        position text COLLATE "C" NOT NULL,
        stream_id text NOT NULL,
        event_type text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('poisoned', 'parked')),
        error text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, generation, position)
      );
    `,
  },
  {
    version: 2,
    name: 'read-model documents partitioned by projection and generation',
    // Every generation's rows move to its own table, attached; the store builds the declared
    // indexes on the projections' tables when it opens (version 1's go with the old table).
    sql: `
      ALTER TABLE $S.read_documents RENAME TO read_documents_v1;
      ALTER INDEX $S.read_documents_pkey RENAME TO read_documents_v1_pkey;
      CREATE TABLE $S.read_documents (${DOCUMENT_COLUMNS}) PARTITION BY LIST (projection);
      DO $$
      DECLARE g record;
      BEGIN
        FOR g IN SELECT projection, generation FROM $S.read_generations WHERE state <> 'retired'
                 UNION SELECT DISTINCT projection, generation FROM $S.read_documents_v1 LOOP
          EXECUTE format('CREATE TABLE IF NOT EXISTS $S.%I PARTITION OF $S.read_documents FOR VALUES IN (%L) PARTITION BY LIST (generation)',
            'read_docs_' || g.projection, g.projection);
          EXECUTE format('CREATE TABLE $S.%I PARTITION OF $S.%I FOR VALUES IN (%s)',
            'read_docs_' || g.projection || '_' || g.generation, 'read_docs_' || g.projection, g.generation);
          EXECUTE format('INSERT INTO $S.%I SELECT * FROM $S.read_documents_v1 WHERE projection = %L AND generation = %s',
            'read_docs_' || g.projection || '_' || g.generation, g.projection, g.generation);
        END LOOP;
      END $$;
      DROP TABLE $S.read_documents_v1;
    `,
  },
  {
    version: 3,
    name: 'the head a stream-by-stream rebuild reads up to',
    sql: `ALTER TABLE $S.read_generations ADD COLUMN streamwise_head text COLLATE "C";`,
  },
  {
    version: 4,
    name: 'document bodies kept as JSON text, lz4-compressed where the server has lz4',
    // Nothing queries inside a body (queries use keys): as text it is stored as sent and read
    // as stored, where jsonb parsed, re-encoded and pglz-compressed it (about a sixth of the
    // server's CPU in a rebuild). Rewrites every generation's table, the live ones (partitions)
    // and the ones being built (detached tables, which ALTER on read_documents does not reach).
    sql: `
      ALTER TABLE $S.read_documents ALTER COLUMN body TYPE text USING body::text;
      DO $$
      DECLARE
        lz4 boolean := EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals));
        generation_table regclass;
      BEGIN
        IF lz4 THEN ALTER TABLE $S.read_documents ALTER COLUMN body SET COMPRESSION lz4; END IF;
        FOR generation_table IN SELECT c.oid::regclass FROM pg_class c
                                 WHERE c.relnamespace = '$S'::regnamespace AND c.relkind = 'r' AND c.relname LIKE 'read\_docs\_%' LOOP
          IF (SELECT atttypid FROM pg_attribute WHERE attrelid = generation_table AND attname = 'body') = 'jsonb'::regtype THEN
            EXECUTE format('ALTER TABLE %s ALTER COLUMN body TYPE text USING body::text', generation_table);
          END IF;
          IF lz4 THEN EXECUTE format('ALTER TABLE %s ALTER COLUMN body SET COMPRESSION lz4', generation_table); END IF;
        END LOOP;
      END $$;
    `,
  },
];
