import type { ExpectedRevision } from './port';

/** The stream is not at the revision the caller expected. */
export class WrongExpectedVersion extends Error {
  override readonly name = 'WrongExpectedVersion';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or 'no_stream' when it has none. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** An event failed its schema; nothing of the append was written. */
export class InvalidEvent extends Error {
  override readonly name = 'InvalidEvent';
  constructor(
    readonly eventType: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(`${eventType}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

/** Some but not all of the event ids of an append are already stored, or stored in another stream. */
export class IdempotencyConflict extends Error {
  override readonly name = 'IdempotencyConflict';
  constructor(readonly streamId: string, readonly eventIds: readonly string[]) {
    super(`stream ${streamId}: event ids already stored differently: ${eventIds.join(', ')}`);
  }
}

/** An event read back from the store does not match its schema (corruption or an unknown version). */
export class CorruptEvent extends Error {
  override readonly name = 'CorruptEvent';
  constructor(readonly streamId: string, readonly streamRevision: number, reason: string) {
    super(`stream ${streamId} revision ${streamRevision}: ${reason}`);
  }
}
