import type { GlobalPosition, ReadAllOptions, RecordedEvent, Subscription } from './port';
import { WakeSignal } from './wakeSignal';

export interface PollingOptions {
  readonly batchSize: number;
  /** The poll is the source of truth; a wake only makes it come sooner. */
  readonly pollIntervalMs: number;
}

/**
 * Catch-up then live, built on readAll alone: reads batches from the last delivered
 * position until none is left, then waits for a wake or the poll interval. Because
 * readAll never returns an event ahead of one still in flight, polling cannot skip.
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private readonly closing = new WakeSignal();

  constructor(
    private readonly readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
    private position: GlobalPosition,
    private readonly wakeSignal: WakeSignal,
    private readonly options: PollingOptions,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    try {
      while (!this.closed) {
        const batch = await this.readAll({ after: this.position, maxCount: this.options.batchSize });
        for (const event of batch) {
          if (this.closed) return;
          this.position = event.globalPosition;
          yield event;
        }
        if (batch.length < this.options.batchSize && !this.closed) {
          await Promise.race([this.wakeSignal.wait(this.options.pollIntervalMs), this.closing.wait(this.options.pollIntervalMs)]);
        }
      }
    } finally {
      this.closed = true;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.closing.wake();
  }
}
