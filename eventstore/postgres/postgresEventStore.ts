import { IdempotencyConflict, WrongExpectedVersion } from '../errors';
import { checkExpectedRevision } from '../expectedRevision';
import type { EventRegistry } from '../eventRegistry';
import { PollingSubscription } from '../pollingSubscription';
import type { AppendResult, EventStore, ExpectedRevision, GlobalPosition, NewEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent, Subscription } from '../port';
import { START } from '../port';
import { prepareEvents, type PreparedEvent } from '../preparedEvent';
import type { StreamsBegun, StreamsBegunOptions, StreamwiseRead } from '../streamwiseRead';
import { WakeSignal } from '../wakeSignal';
import { AppendBatcher } from './appendBatcher';
import { decodeLedgerPosition, encodeLedgerPosition, toBigInt } from './ledgerPosition';
import { ledgerMigrations } from './ledgerMigrations';
import { migrate } from './migrate';
import { recordedEventFromRow, type EventRow } from './eventRow';
import { checkSchemaName, type SqlClient } from './sqlClient';

export interface PostgresEventStoreOptions {
  readonly client: SqlClient;
  /** Schema holding the ledger tables. Default `lapor`. */
  readonly schema?: string;
  readonly registry: EventRegistry;
  /** How often an idle subscription polls; NOTIFY and local appends wake it sooner. */
  readonly pollIntervalMs?: number;
  readonly readBatchSize?: number;
  /**
   * append_batch calls in flight at once (each holds a pool connection); appends that
   * arrive meanwhile wait and go together in the next call. Default 2: the best of 1, 2, 3,
   * 4, 8 and 32 in `bench:ledger`'s 32-writer workload on 2 cores.
   */
  readonly maxAppendCallsInFlight?: number;
}

interface AppendRow {
  entry: number;
  outcome: 'appended' | 'duplicate' | 'idempotency_conflict' | 'wrong_expected_version';
  last_revision: string | number | bigint | null;
  last_transaction_id: string | null;
  last_global_position: string | number | bigint | null;
}

/** A writer that lost a race on a revision or an event id simply asks again; bounded. */
const APPEND_ATTEMPTS = 5;
const MAX_STREAM_ID_LENGTH = 300;
const NOTIFY_INTERVAL_MS = 50;
const MAX_EVENTS_PER_CALL = 500;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/** The ledger on PostgreSQL: the same SQL over `pg` or PGlite. */
export class PostgresEventStore implements EventStore, StreamwiseRead {
  private readonly schema: string;
  private readonly wakeSignal = new WakeSignal();
  private readonly channel: string;
  private stopListening: Promise<() => Promise<void>> | undefined;
  private notifyTimer: NodeJS.Timeout | undefined;
  private readonly subscriptions = new Set<Subscription>();
  /** Entries are the JSON of one append ({streamId, expected, events}); see append_batch. */
  private readonly batcher: AppendBatcher<string, AppendRow>;

  private constructor(private readonly options: PostgresEventStoreOptions) {
    this.schema = checkSchemaName(options.schema ?? 'lapor');
    this.channel = `${this.schema}_events`;
    this.batcher = new AppendBatcher((entries) => this.appendBatch(entries), {
      maxCallsInFlight: options.maxAppendCallsInFlight ?? 2,
      maxEventsPerCall: MAX_EVENTS_PER_CALL,
    });
  }

  /** Opens the store, applying any pending ledger migrations first. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(options);
    await migrate(options.client, store.schema, 'ledger', ledgerMigrations);
    return store;
  }

  async appendToStream(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[]): Promise<AppendResult> {
    if (streamId.length === 0 || streamId.length > MAX_STREAM_ID_LENGTH) throw new RangeError(`stream id must have 1 to ${MAX_STREAM_ID_LENGTH} characters`);
    checkExpectedRevision(expected);
    const prepared = prepareEvents(this.options.registry, streamId, events);
    const entry = `{"streamId":${JSON.stringify(streamId)},"expected":${JSON.stringify(String(expected))},"events":[${prepared.map(appendEntryEvent).join(',')}]}`;
    const row = await this.batcher.submit(entry, prepared.length);
    return this.resultOf(row, streamId, expected, prepared.map((e) => e.metadata.eventId));
  }

  /** One append_batch call for appends that queued up together; one row per entry, in order. */
  private async appendBatch(entries: readonly string[]): Promise<AppendRow[]> {
    const payload = `[${entries.join(',')}]`;
    for (let attempt = 1; ; attempt++) {
      try {
        const rows = await this.options.client.query<AppendRow>(`SELECT * FROM ${this.schema}.append_batch($1::jsonb)`, [payload]);
        if (rows.some((r) => r.outcome === 'appended')) this.announceAppend();
        return rows.sort((a, b) => a.entry - b.entry);
      } catch (error) {
        // Another writer committed the same revision or event id first: the next call sees it.
        if (isUniqueViolation(error) && attempt < APPEND_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  private resultOf(row: AppendRow, streamId: string, expected: ExpectedRevision, eventIds: string[]): AppendResult {
    switch (row.outcome) {
      case 'idempotency_conflict':
        throw new IdempotencyConflict(streamId, eventIds);
      case 'wrong_expected_version': {
        const actual = Number(row.last_revision);
        throw new WrongExpectedVersion(streamId, expected, actual < 0 ? 'no_stream' : actual);
      }
      case 'appended':
      case 'duplicate':
        if (row.last_revision === null || row.last_transaction_id === null || row.last_global_position === null) {
          throw new Error(`append_batch returned an incomplete ${row.outcome} row`);
        }
        return {
          nextExpectedRevision: Number(row.last_revision),
          position: encodeLedgerPosition({ transactionId: toBigInt(row.last_transaction_id), globalPosition: toBigInt(row.last_global_position) }),
        };
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const rows = await this.options.client.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events e
        WHERE e.stream_id = $1 AND e.stream_revision >= $2 ORDER BY e.stream_revision LIMIT $3`,
      [streamId, options.fromRevision ?? 0, options.maxCount ?? 1_000_000],
    );
    return rows.map(recordedEventFromRow);
  }

  /**
   * Only rows whose transaction is older than every transaction still running are read:
   * a transaction that began earlier but commits later would otherwise land behind a
   * reader's checkpoint and be skipped for ever.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = decodeLedgerPosition(options.after ?? START);
    const rows = await this.options.client.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.schema}.events e
        WHERE (e.transaction_id, e.global_position) > ($1::text::xid8, $2::bigint)
          AND e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id, e.global_position LIMIT $3`,
      [after.transactionId.toString(), after.globalPosition.toString(), options.maxCount ?? 1000],
    );
    return rows.map(recordedEventFromRow);
  }

  /** The last event readAll would return from here: every transaction at or before it has ended. */
  async gapSafeHead(): Promise<GlobalPosition> {
    const [row] = await this.options.client.query<{ transaction_id: string; global_position: string }>(
      `SELECT e.transaction_id::text AS transaction_id, e.global_position::text AS global_position FROM ${this.schema}.events e
        WHERE e.transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1`,
    );
    return row ? encodeLedgerPosition({ transactionId: toBigInt(row.transaction_id), globalPosition: toBigInt(row.global_position) }) : START;
  }

  /**
   * The span is walked in delivery order (the index readAll uses) and each stream begun in it
   * is read by its (stream_id, stream_revision) key, one lookup per stream: a LATERAL subquery
   * fenced by OFFSET 0 and holding only the key condition (otherwise the planner hashed or
   * bitmap-scanned the whole table, 6 to 100 times slower on a 100k-event ledger). `through`
   * is gap-safe, so every event up to it is committed: no horizon to honour here. The span's
   * last position comes on every row (on a row of its own when no stream began in it).
   */
  async readStreamsBegun(options: StreamsBegunOptions): Promise<StreamsBegun> {
    const after = decodeLedgerPosition(options.after);
    const through = decodeLedgerPosition(options.through);
    const rows = await this.options.client.query<Partial<EventRow> & { searched_transaction_id: string; searched_global_position: string }>(
      `WITH span AS MATERIALIZED (
         SELECT b.stream_id, b.stream_revision, b.transaction_id, b.global_position FROM ${this.schema}.events b
          WHERE (b.transaction_id, b.global_position) > ($1::text::xid8, $2::bigint)
            AND (b.transaction_id, b.global_position) <= ($3::text::xid8, $4::bigint)
          ORDER BY b.transaction_id, b.global_position LIMIT $5),
       searched AS (SELECT transaction_id, global_position FROM span ORDER BY transaction_id DESC, global_position DESC LIMIT 1)
       SELECT searched.transaction_id::text AS searched_transaction_id, searched.global_position::text AS searched_global_position, streams.*
         FROM searched LEFT JOIN (
           SELECT begun.transaction_id AS begun_transaction_id, begun.global_position AS begun_global_position, ${EVENT_COLUMNS}
             FROM span begun CROSS JOIN LATERAL (
               SELECT * FROM ${this.schema}.events e WHERE e.stream_id = begun.stream_id ORDER BY e.stream_revision OFFSET 0) e
            WHERE begun.stream_revision = 0 AND (e.transaction_id, e.global_position) <= ($3::text::xid8, $4::bigint)) streams ON true
        ORDER BY streams.begun_transaction_id, streams.begun_global_position, streams.stream_revision::bigint`,
      [after.transactionId.toString(), after.globalPosition.toString(), through.transactionId.toString(), through.globalPosition.toString(), options.span],
    );
    const [first] = rows;
    const searchedThrough = first ? encodeLedgerPosition({ transactionId: toBigInt(first.searched_transaction_id), globalPosition: toBigInt(first.searched_global_position) }) : undefined;
    const records = rows.filter((row): row is EventRow & typeof row => typeof row.stream_id === 'string').map(recordedEventFromRow);
    return { records, searchedThrough };
  }

  subscribeToAll(after: GlobalPosition = START): Subscription {
    if (this.options.client.shared && !this.stopListening) {
      this.stopListening = this.options.client.listen(this.channel, () => this.wakeSignal.wake());
      // Polling still delivers everything if LISTEN cannot be set up.
      this.stopListening.catch(() => undefined);
    }
    const subscription = new PollingSubscription((o) => this.readAll(o), after, this.wakeSignal, {
      batchSize: this.options.readBatchSize ?? 500,
      pollIntervalMs: this.options.pollIntervalMs ?? 250,
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Wakes local subscribers now and, when other processes share the database, theirs by NOTIFY. */
  private announceAppend(): void {
    this.wakeSignal.wake();
    if (!this.options.client.shared || this.notifyTimer !== undefined) return;
    // At most one NOTIFY per interval: each is a transaction of its own and takes a pool
    // connection, and a burst of appends needs only one wake-up.
    this.notifyTimer = setTimeout(() => {
      void this.options.client
        .notify(this.channel)
        .catch(() => undefined)
        .finally(() => {
          this.notifyTimer = undefined;
        });
    }, NOTIFY_INTERVAL_MS);
  }

  async close(): Promise<void> {
    clearTimeout(this.notifyTimer);
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    if (this.stopListening) await (await this.stopListening.catch(() => async () => undefined))();
  }
}

// Numbers leave as text (drivers disagree on int8 and xid8); the table is always aliased `e`
// so that ORDER BY names the column, not these text aliases.
const EVENT_COLUMNS = `e.stream_id, e.stream_revision::text AS stream_revision, e.transaction_id::text AS transaction_id,
  e.global_position::text AS global_position, e.event_type, e.data, e.metadata, encode(e.hash, 'hex') AS hash, e.recorded_at`;

/** One event of an append_batch entry, as JSON; data and metadata as prepared (canonical JSON), not serialised again. */
const appendEntryEvent = (event: PreparedEvent): string =>
  `{"eventId":${JSON.stringify(event.metadata.eventId)},"type":${JSON.stringify(event.type)},"data":${event.canonicalData},"metadata":${event.canonicalMetadata},"canonical":${JSON.stringify(event.canonicalForm)}}`;
