import type { EventRegistry } from '../eventRegistry';
import { chainHash, GENESIS_HASH } from '../hashChain';
import type { NewEvent } from '../port';
import { prepareEvents } from '../preparedEvent';
import { checkSchemaName, type SqlClient, type SqlQueryable } from './sqlClient';

/** Events of one stream to add after its head (or as a new stream); a stream may come back later in the same batch, going on from there. */
export interface ImportStream {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
}

export interface BulkImportOptions {
  readonly client: SqlClient;
  /** Schema of the ledger (already migrated). Default `lapor`. */
  readonly schema?: string;
  readonly registry: EventRegistry;
  /** Statements to run in the same transaction before the events (e.g. the vault keys they need). */
  readonly beforeEvents?: (tx: SqlQueryable) => Promise<void>;
}

interface HeadRow {
  stream_id: string;
  stream_revision: string;
  hash: string;
}

/**
 * Writes many streams in one transaction with one INSERT (arrays through unnest), for
 * synthetic ledgers and migrations from other systems. Events take their global positions
 * in the order given, so slices of streams can interleave as their events happened. Every
 * event is validated as an append validates it, and the per-stream hash chain is computed
 * here exactly as append_events computes it (sha256(previous hash || canonical form), from
 * each stream's current head), so verifyChain accepts the result. transaction_id takes its default, so
 * readers stay gap-safe; a concurrent writer of the same stream makes the batch fail on the
 * (stream_id, stream_revision) constraint rather than fork the chain.
 */
export async function bulkImport(options: BulkImportOptions, streams: readonly ImportStream[]): Promise<number> {
  const schema = checkSchemaName(options.schema ?? 'lapor');
  const prepared = streams.map((s) => ({ streamId: s.streamId, events: prepareEvents(options.registry, s.streamId, s.events) }));
  const streamIds = [...new Set(prepared.map((s) => s.streamId))];
  const columns = { streamId: [] as string[], revision: [] as string[], eventId: [] as string[], type: [] as string[], data: [] as string[], metadata: [] as string[], hash: [] as string[] };
  const count = await options.client.transaction(async (tx) => {
    await options.beforeEvents?.(tx);
    // Each stream's last event only, read backwards on the (stream_id, stream_revision) key: in a
    // ledger in time order a stream's events lie far apart, and reading all of them (DISTINCT ON)
    // made the import slow down as the ledger grew.
    const heads = await tx.query<HeadRow>(
      `SELECT s.stream_id, h.stream_revision::text AS stream_revision, encode(h.hash, 'hex') AS hash
         FROM unnest($1::text[]) AS s(stream_id)
         CROSS JOIN LATERAL (
           SELECT e.stream_revision, e.hash FROM ${schema}.events e WHERE e.stream_id = s.stream_id ORDER BY e.stream_revision DESC LIMIT 1) h`,
      [streamIds],
    );
    const headOf = new Map(heads.map((h) => [h.stream_id, { revision: Number(h.stream_revision), hash: h.hash }]));
    for (const stream of prepared) {
      const head = headOf.get(stream.streamId);
      let revision = head?.revision ?? -1;
      let hash = head?.hash ?? GENESIS_HASH;
      for (const event of stream.events) {
        revision += 1;
        hash = chainHash(hash, event.canonicalForm);
        columns.streamId.push(stream.streamId);
        columns.revision.push(String(revision));
        columns.eventId.push(event.metadata.eventId);
        columns.type.push(event.type);
        columns.data.push(JSON.stringify(event.data));
        columns.metadata.push(JSON.stringify(event.metadata));
        columns.hash.push(hash);
      }
      // The stream's next slice in this batch goes on from here.
      headOf.set(stream.streamId, { revision, hash });
    }
    if (columns.streamId.length === 0) return 0;
    // Arrays of text cast in SQL: one statement whatever the batch size, no parameter limit.
    await tx.query(
      `INSERT INTO ${schema}.events (stream_id, stream_revision, event_id, event_type, data, metadata, hash)
       SELECT s, r::bigint, i::uuid, t, d::jsonb, m::jsonb, decode(h, 'hex')
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(s, r, i, t, d, m, h)`,
      [columns.streamId, columns.revision, columns.eventId, columns.type, columns.data, columns.metadata, columns.hash],
    );
    return columns.streamId.length;
  });
  // Wakes subscribers in other processes early; polling would find the events anyway.
  if (count > 0 && options.client.shared) await options.client.notify(`${schema}_events`).catch(() => undefined);
  return count;
}
