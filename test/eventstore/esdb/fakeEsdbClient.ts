import {
  NO_STREAM,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamJSONRecordedEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult,
  type CurrentRevision,
  type EventData,
  type Filter,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EsdbClient } from '../../../eventstore/esdb/esdbClient';
import type { DroppableSource } from '../../../eventstore/esdb/resubscribingSubscription';

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const compare = (a: Position, b: Position): number => (a.commit === b.commit ? Number(a.prepare - b.prepare) : Number(a.commit - b.commit));

/**
 * An in-memory stand-in for EventStoreDB behind the client's API, as documented and as the
 * 6.2.1 client code behaves: one log ($all) ordered by (commit, prepare), events of one
 * append sharing a commit position, system events interleaved, an atomic expected-revision
 * check, StreamNotFoundError while iterating an absent stream, readAll inclusive of its
 * start position, subscriptions exclusive of theirs. It proves the adapter's logic, not
 * the server: the contract suite must still run against a real EventStoreDB.
 */
export class FakeEsdbClient implements EsdbClient {
  private readonly log: AllStreamJSONRecordedEvent[] = [];
  private readonly streams = new Map<string, AllStreamJSONRecordedEvent[]>();
  private nextOffset = 1000n;
  private readonly listeners = new Set<() => void>();
  /** Subscriptions opened so far, so a test can drop them as a server restart would. */
  readonly openSubscriptions = new Set<{ drop(error: Error): void }>();

  /** `throwOnAppendFailure=false`: a lost race resolves with success false (and, like the batch path, no usable revision). */
  constructor(private readonly throwOnAppendFailure = true) {
    this.write('$settings', [{ type: '$metadata', data: {} }]);
  }

  async appendToStream(streamName: string, events: EventData[], options: { expectedRevision: AppendExpectedRevision }): Promise<AppendResult> {
    await pause(Math.random() * 3); // lets concurrent writers interleave before the atomic check
    const stream = this.streams.get(streamName);
    const current: CurrentRevision = stream ? BigInt(stream.length - 1) : NO_STREAM;
    const expected = options.expectedRevision;
    const holds = expected === 'any' || (expected === 'stream_exists' ? current !== NO_STREAM : expected === current);
    if (!holds && !this.throwOnAppendFailure) return { success: false, nextExpectedRevision: 1n, position: undefined };
    if (!holds) throw new WrongExpectedVersionError(undefined, { streamName, expected, current });
    const written = this.write(
      streamName,
      events.map((event) => {
        if (event.contentType !== 'application/json') throw new Error('the fake stores JSON events only');
        return { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
      }),
    );
    if (this.log.length % 3 === 0) this.write('$stats-127.0.0.1:2113', [{ type: '$statsCollected', data: {} }]);
    const last = written.at(-1)!;
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  private write(streamName: string, events: { id?: string; type: string; data: unknown; metadata?: unknown }[]): AllStreamJSONRecordedEvent[] {
    const stream = this.streams.get(streamName) ?? [];
    const commit = this.nextOffset;
    const written = events.map((event, i): AllStreamJSONRecordedEvent => ({
      streamId: streamName,
      id: event.id ?? `${streamName}-${stream.length + i}`,
      isJson: true,
      revision: BigInt(stream.length + i),
      type: event.type,
      created: new Date(),
      // The server keeps bytes: what comes back is what JSON.stringify wrote.
      data: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>,
      metadata: event.metadata === undefined ? undefined : (JSON.parse(JSON.stringify(event.metadata)) as Record<string, unknown>),
      position: { commit, prepare: commit + BigInt(i * 37) },
    }));
    this.nextOffset = commit + BigInt(events.length * 37 + 100);
    stream.push(...written);
    this.streams.set(streamName, stream);
    this.log.push(...written);
    for (const listener of [...this.listeners]) listener();
    return written;
  }

  async *readStream(streamName: string, options: { direction: 'forwards' | 'backwards'; fromRevision: bigint; maxCount?: number; requiresLeader?: boolean }): AsyncIterable<ResolvedEvent> {
    await pause(0);
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(undefined, streamName);
    if (options.direction !== 'forwards') throw new Error('the adapter reads streams forwards');
    const from = stream.filter((event) => event.revision >= options.fromRevision);
    for (const event of from.slice(0, options.maxCount ?? from.length)) yield { event };
  }

  async *readAll(options: { fromPosition: ReadPosition; maxCount: number }): AsyncIterable<AllStreamResolvedEvent> {
    await pause(0);
    const { fromPosition } = options;
    const start = fromPosition === 'start' ? 0 : fromPosition === 'end' ? this.log.length : this.log.findIndex((e) => compare(e.position, fromPosition) >= 0);
    if (start < 0) return;
    for (const event of this.log.slice(start, start + options.maxCount)) yield { event };
  }

  subscribeToAll(options: { fromPosition: ReadPosition; filter: Filter }): DroppableSource<AllStreamResolvedEvent> {
    const { fromPosition } = options;
    const matches = 'regex' in options.filter ? new RegExp(options.filter.regex) : /.*/;
    const log = this.log;
    const listeners = this.listeners;
    const open = this.openSubscriptions;
    let stopped = false;
    let dropped: Error | undefined;
    let wake: () => void = () => undefined;
    const handle = {
      drop(error: Error) {
        dropped = error;
        wake();
      },
    };
    open.add(handle);
    const after = (from: Position): number => {
      const index = log.findIndex((e) => compare(e.position, from) > 0);
      return index < 0 ? log.length : index;
    };
    let next = fromPosition === 'start' ? 0 : fromPosition === 'end' ? log.length : after(fromPosition);
    return {
      async *[Symbol.asyncIterator]() {
        try {
          while (!stopped) {
            if (dropped) throw dropped;
            if (next < log.length) {
              const event = log[next++]!;
              if (matches.test(event.type)) yield { event };
              continue;
            }
            await new Promise<void>((resolve) => {
              wake = resolve;
              listeners.add(resolve);
            });
            listeners.delete(wake);
          }
        } finally {
          open.delete(handle);
        }
      },
      unsubscribe: async () => {
        stopped = true;
        wake();
      },
    };
  }

  async dispose(): Promise<void> {
    for (const subscription of [...this.openSubscriptions]) subscription.drop(new Error('disposed'));
  }
}
