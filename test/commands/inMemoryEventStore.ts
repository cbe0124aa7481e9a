import { createHash } from 'node:crypto';
import { WrongExpectedVersion } from '../../eventstore/errors';
import { START, type AppendResult, type EventStore, type ExpectedRevision, type GlobalPosition, type NewEvent, type ReadAllOptions, type RecordedEvent, type Subscription } from '../../eventstore/port';

/**
 * Streams in memory, with the port's revision check, for unit tests of the command side.
 * `beforeAppend` lets a test slip another writer's append in between a read and an append.
 */
export class InMemoryEventStore implements EventStore {
  readonly streams = new Map<string, RecordedEvent[]>();
  appendCalls = 0;
  readStreamCalls = 0;
  beforeAppend: ((streamId: string) => Promise<void>) | undefined;
  private position = 0;

  async appendToStream(streamId: string, expected: ExpectedRevision, events: readonly NewEvent[]): Promise<AppendResult> {
    this.appendCalls++;
    const hook = this.beforeAppend;
    this.beforeAppend = undefined;
    await hook?.(streamId);
    const stream = this.streams.get(streamId) ?? [];
    const actual = stream.length === 0 ? 'no_stream' : stream.length - 1;
    const matches = expected === 'any' || (expected === 'no_stream' ? actual === 'no_stream' : expected === 'stream_exists' ? actual !== 'no_stream' : expected === actual);
    if (!matches) throw new WrongExpectedVersion(streamId, expected, actual);
    for (const event of events) {
      stream.push({
        streamId,
        streamRevision: stream.length,
        globalPosition: String(++this.position).padStart(12, '0') as GlobalPosition,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
        hash: createHash('sha256').update(event.metadata.eventId).digest('hex'),
        recordedAt: new Date().toISOString(),
      });
    }
    this.streams.set(streamId, stream);
    return { nextExpectedRevision: stream.length - 1, position: stream.at(-1)!.globalPosition };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    this.readStreamCalls++;
    return [...(this.streams.get(streamId) ?? [])];
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? START;
    const all = [...this.streams.values()].flat().filter((event) => event.globalPosition > after);
    return all.sort((a, b) => (a.globalPosition < b.globalPosition ? -1 : 1)).slice(0, options.maxCount ?? all.length);
  }

  subscribeToAll(): Subscription {
    throw new Error('not needed by these tests');
  }

  async close(): Promise<void> {}
}
