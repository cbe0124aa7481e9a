import {
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  type AllStreamResolvedEvent,
  type AppendResult as EsdbAppendResult,
} from '@eventstore/db-client';
import { WrongExpectedVersion } from '../errors';
import { checkExpectedRevision } from '../expectedRevision';
import type { EventRegistry } from '../eventRegistry';
import { chainHash } from '../hashChain';
import { START, type AppendResult, type EventStore, type ExpectedRevision, type GlobalPosition, type NewEvent, type ReadAllOptions, type ReadStreamOptions, type RecordedEvent, type Subscription } from '../port';
import { prepareEvents, type PreparedEvent } from '../preparedEvent';
import { planAppend } from './appendPlan';
import type { EsdbClient } from './esdbClient';
import { esdbEventDataOf, jsonDataOf } from './esdbEventData';
import { isStreamNotFound, isTransientSubscriptionError, isWrongExpectedVersion, wrongExpectedVersionFrom } from './esdbErrors';
import { decodeEsdbPosition, encodeEsdbPosition } from './esdbPosition';
import { appendRevisionFor, revisionFromClient } from './esdbRevision';
import { recordedEventFromEsdb, recordedEventFromResolved, type EsdbResolvedEvent } from './recordedEventFromEsdb';
import { DEFAULT_RESUBSCRIBE, ResubscribingSubscription, type ResubscribeOptions } from './resubscribingSubscription';

export interface EsdbEventStoreOptions {
  /** e.g. `esdb://admin:changeit@localhost:2113?tls=false`; reading $all needs an admin (or ACL-granted) user. */
  readonly connectionString: string;
  readonly registry: EventRegistry;
  readonly resubscribe?: ResubscribeOptions;
}

/** Another writer got in between reading the head and appending: read again, a bounded number of times. */
const APPEND_ATTEMPTS = 10;
/** $all also holds EventStoreDB's own events, which readAll (no server-side filter in this client) skips. */
const READ_ALL_PAGE = 500;

/** The ledger on EventStoreDB, through the official gRPC client (6.2.1, its last release). */
export function createEsdbEventStore(options: EsdbEventStoreOptions): EventStore {
  return new EsdbEventStore(EventStoreDBClient.connectionString(options.connectionString), options);
}

export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly client: EsdbClient,
    private readonly options: Omit<EsdbEventStoreOptions, 'connectionString'>,
  ) {}

  async appendToStream(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[]): Promise<AppendResult> {
    checkStreamId(streamId);
    checkExpectedRevision(expected);
    const prepared = prepareEvents(this.options.registry, streamId, events);
    prepared.forEach(jsonDataOf);
    const eventIds = prepared.map((event) => event.metadata.eventId);
    for (let attempt = 1; ; attempt++) {
      const plan = planAppend(streamId, await this.readFromLeader(streamId), expected, eventIds);
      if (plan.kind === 'already_stored') return plan.result;
      let written: EsdbAppendResult;
      try {
        written = await this.client.appendToStream(streamId, chained(prepared, plan.previousHash), { expectedRevision: appendRevisionFor(plan.at) });
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
        if (attempt >= APPEND_ATTEMPTS) throw wrongExpectedVersionFrom(error, streamId, expected);
        continue;
      }
      if (written.success) return this.appendedResult(streamId, written);
      // With throwOnAppendFailure=false in the connection string a lost race resolves instead of
      // throwing, and the batch-append path then reports no usable revision: read the head again.
      if (attempt >= APPEND_ATTEMPTS) throw new WrongExpectedVersion(streamId, expected, (await this.readFromLeader(streamId)).at(-1)?.streamRevision ?? 'no_stream');
    }
  }

  /**
   * The result names the written last event's position exactly as reads report it, so an
   * idempotent repeat (answered from a read) returns the very same result.
   */
  private async appendedResult(streamId: string, written: EsdbAppendResult): Promise<AppendResult> {
    const nextExpectedRevision = revisionFromClient(written.nextExpectedRevision);
    const [last] = await this.readFromLeader(streamId, { fromRevision: nextExpectedRevision, maxCount: 1 });
    if (!last) throw new Error(`stream ${streamId}: revision ${nextExpectedRevision} was appended but cannot be read back`);
    return { nextExpectedRevision, position: last.globalPosition };
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.readStreamEvents(streamId, options, false);
  }

  /** The append path reads the leader: a follower's stale head would only cost a lost race. */
  private readFromLeader(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.readStreamEvents(streamId, options, true);
  }

  private async readStreamEvents(streamId: string, options: ReadStreamOptions, requiresLeader: boolean): Promise<RecordedEvent[]> {
    if (options.maxCount === 0) return [];
    const read = this.client.readStream(streamId, {
      direction: FORWARDS,
      fromRevision: BigInt(options.fromRevision ?? 0),
      requiresLeader,
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        if (resolved.event) events.push(recordedEventFromEsdb(resolved.event));
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  /**
   * EventStoreDB's $all is a committed log: nothing can later appear before a position
   * already read, so paging by position cannot skip. Reading from a position includes the
   * event at it; everything at or before the cursor is dropped.
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount ?? 1000;
    const found: RecordedEvent[] = [];
    let cursor = options.after ?? START;
    while (found.length < maxCount) {
      const page: AllStreamResolvedEvent[] = [];
      for await (const resolved of this.client.readAll({ direction: FORWARDS, fromPosition: decodeEsdbPosition(cursor), maxCount: READ_ALL_PAGE })) page.push(resolved);
      const before = cursor;
      for (const resolved of page) {
        if (!resolved.event) continue;
        const position = encodeEsdbPosition(resolved.event.position);
        if (position <= cursor) continue;
        cursor = position;
        const event = recordedEventFromResolved(resolved);
        if (event) found.push(event);
        if (found.length === maxCount) break;
      }
      if (page.length < READ_ALL_PAGE || cursor === before) break;
    }
    return found;
  }

  subscribeToAll(after: GlobalPosition = START): Subscription {
    const subscription = new ResubscribingSubscription<EsdbResolvedEvent>(
      {
        open: (from) => this.client.subscribeToAll({ fromPosition: decodeEsdbPosition(from), filter: excludeSystemEvents() }),
        toRecorded: recordedEventFromResolved,
        isTransient: isTransientSubscriptionError,
      },
      after,
      this.options.resubscribe ?? DEFAULT_RESUBSCRIBE,
    );
    this.subscriptions.add(subscription);
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.subscriptions.clear();
    await this.client.dispose();
  }
}

/** Links the batch onto the stream's head hash, in order. */
function chained(prepared: readonly PreparedEvent[], previousHash: string): ReturnType<typeof esdbEventDataOf>[] {
  let previous = previousHash;
  return prepared.map((event) => {
    previous = chainHash(previous, event.canonicalForm);
    return esdbEventDataOf(event, previous);
  });
}

/** Streams whose names start with `$` are EventStoreDB's own and are hidden from $all readers. */
function checkStreamId(streamId: string): void {
  if (streamId.length === 0 || streamId.startsWith('$')) throw new RangeError(`stream id must be non-empty and must not start with '$': ${JSON.stringify(streamId)}`);
}
