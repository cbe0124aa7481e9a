import type { GlobalPosition } from '../../../eventstore/port';
import { migrate } from '../../../eventstore/postgres/migrate';
import { checkSchemaName, type SqlClient, type SqlQueryable } from '../../../eventstore/postgres/sqlClient';
import { specOf, type CollectionCatalog } from '../collectionSpec';
import type { DocumentQuery, Page } from '../documentQuery';
import type { DocumentKeys, DocumentRef, PositionedChange, StoredDocument } from '../documents';
import { CheckpointMoved, type GenerationStatus, type ProjectionSlot } from '../generations';
import { lastChangePerDocument } from '../lastChangePerDocument';
import type { PoisonRecord } from '../poison';
import type { ProjectionBatch, ReadModelStore } from '../readModelStore';
import { indexStatementsOn } from './collectionIndexes';
import { collectionScope } from './collectionScope';
import { pageFrom } from '../queryRules';
import { findSql } from './findSql';
import { attachGenerationTable, createGenerationTable, ensureProjectionTable, generationTable, projectionTable } from './generationTables';
import { readModelMigrations } from './readModelMigrations';

interface DocumentRow {
  collection?: string;
  id: string;
  keys: DocumentKeys;
  /** JSON text (read-model migration 4). */
  body: string;
  last_position: string;
}

interface GenerationRow {
  projection: string;
  generation: number;
  version: number;
  state: GenerationStatus['state'];
  checkpoint: string;
  streamwise_head: string | null;
}

const documentOf = (collection: string, row: DocumentRow): StoredDocument => ({
  collection,
  id: row.id,
  keys: row.keys,
  body: JSON.parse(row.body) as unknown,
  lastPosition: row.last_position as GlobalPosition,
});

/**
 * Read models in PostgreSQL or PGlite: documents (jsonb keys, JSON-text bodies) in a table per
 * generation (see generationTables.ts), partial indexes per declared collection index, and each batch's
 * documents committed with its checkpoint in one transaction (exactly-once effect).
 */
export class PostgresReadModelStore implements ReadModelStore {
  /**
   * Each commit's cost is per row, and a larger batch writes each complaint's documents once
   * for more of its events. Rebuild of 100k complaints over a year, in time order: 3,622
   * ledger events/s at 1,000, 4,118/s at 2,500, 4,121/s at 5,000 (peak RSS 680, 635, 892 MB).
   */
  readonly preferredBatchSize = 2500;

  private constructor(
    private readonly client: SqlClient,
    private readonly schema: string,
    private readonly catalog: CollectionCatalog,
  ) {}

  static async open(options: { client: SqlClient; schema: string; catalog: CollectionCatalog }): Promise<PostgresReadModelStore> {
    const schema = checkSchemaName(options.schema);
    await migrate(options.client, schema, 'read-models', readModelMigrations);
    await underTableLock(options.client, schema, async (tx) => {
      for (const [projection, specs] of Object.entries(options.catalog)) {
        await ensureProjectionTable(tx, schema, projection);
        for (const statement of indexStatementsOn(projectionTable(schema, projection), projection, specs)) await tx.exec(statement);
      }
    });
    return new PostgresReadModelStore(options.client, schema, options.catalog);
  }

  async generations(projection: string): Promise<GenerationStatus[]> {
    const rows = await this.client.query<GenerationRow>(
      `SELECT projection, generation, version, state, checkpoint, streamwise_head FROM ${this.schema}.read_generations WHERE projection = $1 ORDER BY generation`,
      [projection],
    );
    return rows.map(({ streamwise_head, ...r }) => ({
      ...r,
      checkpoint: r.checkpoint as GlobalPosition,
      ...(streamwise_head === null ? {} : { streamwiseHead: streamwise_head as GlobalPosition }),
    }));
  }

  async beginGeneration(slot: ProjectionSlot, version: number): Promise<void> {
    await underTableLock(this.client, this.schema, async (tx) => {
      await tx.query(
        `INSERT INTO ${this.schema}.read_generations (projection, generation, version, state) VALUES ($1, $2, $3, 'building') ON CONFLICT DO NOTHING`,
        [slot.projection, slot.generation, version],
      );
      await createGenerationTable(tx, this.schema, slot);
    });
  }

  async promoteGeneration(slot: ProjectionSlot): Promise<void> {
    await underTableLock(this.client, this.schema, async (tx) => {
      const [known] = await tx.query(`SELECT 1 FROM ${this.schema}.read_generations WHERE projection = $1 AND generation = $2 AND state <> 'retired'`, [
        slot.projection,
        slot.generation,
      ]);
      if (!known) throw new Error(`${slot.projection} generation ${slot.generation} does not exist or was retired`);
      // Readers see a generation through its projection's table: it must be attached, indexes built, before it goes live.
      await attachGenerationTable(tx, this.schema, this.catalog, slot);
      await tx.query(`UPDATE ${this.schema}.read_generations SET state = 'retired', updated_at = now() WHERE projection = $1 AND state = 'live' AND generation <> $2`, [
        slot.projection,
        slot.generation,
      ]);
      await tx.query(`UPDATE ${this.schema}.read_generations SET state = 'live', promoted_at = now(), updated_at = now() WHERE projection = $1 AND generation = $2`, [
        slot.projection,
        slot.generation,
      ]);
    });
  }

  async dropGeneration(slot: ProjectionSlot): Promise<void> {
    await underTableLock(this.client, this.schema, async (tx) => {
      const [live] = await tx.query(`SELECT 1 FROM ${this.schema}.read_generations WHERE projection = $1 AND generation = $2 AND state = 'live'`, [
        slot.projection,
        slot.generation,
      ]);
      if (live) throw new Error(`${slot.projection} generation ${slot.generation} is live and cannot be dropped`);
      await tx.exec(`DROP TABLE IF EXISTS ${generationTable(this.schema, slot)}`);
      for (const table of ['read_poison', 'read_generations']) {
        await tx.query(`DELETE FROM ${this.schema}.${table} WHERE projection = $1 AND generation = $2`, [slot.projection, slot.generation]);
      }
    });
  }

  async loadDocuments(slot: ProjectionSlot, refs: readonly DocumentRef[]): Promise<StoredDocument[]> {
    if (refs.length === 0) return [];
    // One primary-key lookup per ref (LATERAL ... LIMIT 1 keeps the planner from hashing the
    // whole generation, which it did on a fresh table without statistics: slower every batch).
    const rows = await this.client.query<DocumentRow & { collection: string }>(
      `SELECT d.collection, d.id, d.keys, d.body, d.last_position
         FROM unnest($3::text[], $4::text[]) AS r(collection, id)
         CROSS JOIN LATERAL (
           SELECT * FROM ${generationTable(this.schema, slot)} d
            WHERE d.projection = $1 AND d.generation = $2 AND d.collection = r.collection AND d.id = r.id COLLATE "C"
            LIMIT 1) d`,
      [slot.projection, slot.generation, refs.map((r) => r.collection), refs.map((r) => r.id)],
    );
    return rows.map((row) => documentOf(row.collection, row));
  }

  async commitBatch(slot: ProjectionSlot, batch: ProjectionBatch): Promise<void> {
    await this.client.transaction(async (tx) => {
      // No wait for the WAL flush: the checkpoint commits in this same transaction, so a
      // commit lost to a server crash loses the documents and the checkpoint together, and
      // the batch is read and applied again. Nothing else depends on it being durable.
      await tx.exec('SET LOCAL synchronous_commit = off');
      // Claim the batch first: a second writer of the same generation fails here and rolls back.
      const moved = await tx.query(
        `UPDATE ${this.schema}.read_generations SET checkpoint = $3, streamwise_head = $5, updated_at = now()
          WHERE projection = $1 AND generation = $2 AND checkpoint = $4 AND streamwise_head IS NOT DISTINCT FROM $6 AND state <> 'retired' RETURNING 1`,
        [slot.projection, slot.generation, batch.to, batch.from, batch.toHead ?? null, batch.fromHead ?? null],
      );
      if (moved.length === 0) throw new CheckpointMoved(slot);
      await this.writeChanges(tx, slot, lastChangePerDocument(batch.changes));
      if (batch.poisoned.length > 0) {
        await tx.query(
          `INSERT INTO ${this.schema}.read_poison (projection, generation, position, stream_id, event_type, kind, error)
           SELECT $1, $2, p.position, p."streamId", p."eventType", p.kind, p.error
             FROM jsonb_to_recordset($3::jsonb) AS p(position text, "streamId" text, "eventType" text, kind text, error text)
           ON CONFLICT DO NOTHING`,
          [slot.projection, slot.generation, JSON.stringify(batch.poisoned)],
        );
      }
    });
  }

  private async writeChanges(tx: SqlQueryable, slot: ProjectionSlot, changes: readonly PositionedChange[]): Promise<void> {
    const puts = changes.filter((c) => c.kind === 'put');
    const deletes = changes.filter((c) => c.kind === 'delete');
    if (puts.length > 0) {
      await tx.query(
        `INSERT INTO ${generationTable(this.schema, slot)} (projection, generation, collection, id, keys, body, last_position)
         SELECT $1, $2, p.collection, p.id, p.keys, p.body, p.position
           FROM jsonb_to_recordset($3::jsonb) AS p(collection text, id text, keys jsonb, body text, position text)
         ON CONFLICT (projection, generation, collection, id)
         DO UPDATE SET keys = EXCLUDED.keys, body = EXCLUDED.body, last_position = EXCLUDED.last_position`,
        [slot.projection, slot.generation, JSON.stringify(puts.map(({ collection, id, keys, body, position }) => ({ collection, id, keys, body: JSON.stringify(body), position })))],
      );
    }
    if (deletes.length > 0) {
      await tx.query(
        `DELETE FROM ${generationTable(this.schema, slot)} d USING jsonb_to_recordset($3::jsonb) AS r(collection text, id text COLLATE "C")
          WHERE d.projection = $1 AND d.generation = $2 AND d.collection = r.collection AND d.id = r.id`,
        [slot.projection, slot.generation, JSON.stringify(deletes.map(({ collection, id }) => ({ collection, id })))],
      );
    }
  }

  async poisonRecords(slot: ProjectionSlot): Promise<PoisonRecord[]> {
    const rows = await this.client.query<{ position: string; stream_id: string; event_type: string; kind: PoisonRecord['kind']; error: string }>(
      `SELECT position, stream_id, event_type, kind, error FROM ${this.schema}.read_poison WHERE projection = $1 AND generation = $2 ORDER BY position`,
      [slot.projection, slot.generation],
    );
    return rows.map((r) => ({ position: r.position as GlobalPosition, streamId: r.stream_id, eventType: r.event_type, kind: r.kind, error: r.error }));
  }

  /** The live generation's row of one document ($1 the projection, $2 the id), with these columns. */
  private liveDocumentRow<Row>(columns: string, projection: string, collection: string, id: string): Promise<Row | undefined> {
    // Known names only: the literals below come from the catalog, never from a request.
    const spec = specOf(this.catalog, projection, collection);
    const rows = this.client.query<Row>(
      `SELECT ${columns} FROM ${this.schema}.read_documents
        WHERE ${collectionScope(projection, spec.name)} AND id = $2
          AND generation = (SELECT generation FROM ${this.schema}.read_generations WHERE projection = $1 AND state = 'live')`,
      [projection, id],
      { prepared: true },
    );
    return rows.then(([row]) => row);
  }

  async getDocument<Body = unknown>(projection: string, collection: string, id: string): Promise<StoredDocument<Body> | undefined> {
    const row = await this.liveDocumentRow<DocumentRow>('id, keys, body, last_position', projection, collection, id);
    return row ? (documentOf(collection, row) as StoredDocument<Body>) : undefined;
  }

  async getDocumentJson(projection: string, collection: string, id: string): Promise<string | undefined> {
    // Stored as JSON text: node skips a JSON.parse and a JSON.stringify.
    const row = await this.liveDocumentRow<{ body: string }>('body', projection, collection, id);
    return row?.body;
  }

  async findDocuments<Body = unknown>(projection: string, query: DocumentQuery): Promise<Page<Body>> {
    const sql = findSql(this.schema, projection, specOf(this.catalog, projection, query.collection), query);
    const rows = await this.client.query<DocumentRow>(sql.text, sql.params, { prepared: true });
    return pageFrom(rows.map((row) => documentOf(query.collection, row) as StoredDocument<Body>), sql.pageSize, query.orderBy.field);
  }

  async dumpGeneration(slot: ProjectionSlot): Promise<StoredDocument[]> {
    const rows = await this.client.query<DocumentRow & { collection: string }>(
      `SELECT collection, id, keys, body, last_position FROM ${generationTable(this.schema, slot)}
        WHERE projection = $1 AND generation = $2 ORDER BY collection COLLATE "C", id`,
      [slot.projection, slot.generation],
    );
    return rows.map((row) => documentOf(row.collection, row));
  }

  /** The SQL client belongs to whoever opened it (often shared with the ledger). */
  async close(): Promise<void> {}
}

/** Table and index changes race between nodes starting or promoting together: one at a time, under a lock. */
function underTableLock<T>(client: SqlClient, schema: string, work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${schema}.read-model-tables`]);
    return work(tx);
  });
}
