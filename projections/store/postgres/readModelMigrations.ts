import type { Migration } from '../../../eventstore/postgres/migrate';

/**
 * The read-model tables (component `read-models`): one jsonb document table shared by all
 * projections and generations, plus generations with their checkpoints and poison records.
 * Per-collection indexes are derived from the collection specs (see collectionIndexes.ts).
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

      CREATE TABLE $S.read_documents (
        projection text NOT NULL,
        generation int NOT NULL,
        collection text NOT NULL,
        id text COLLATE "C" NOT NULL,
        keys jsonb NOT NULL,
        body jsonb NOT NULL,
        last_position text COLLATE "C" NOT NULL,
        PRIMARY KEY (projection, generation, collection, id)
      );

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
];
