import type { GlobalPosition, ReadAllOptions, RecordedEvent, Subscription } from './port';
import { WakeSignal } from './wakeSignal';

export interface PollingOptions {
  readonly batchSize: number;
  /** The poll is the source of truth; a wake only makes it come sooner. */
  readonly pollIntervalMs: number;
}

/**
 * A wake announces an append; a read that then finds nothing new means it is held back
 * behind an older transaction still open (readAll is gap-safe), whose end wakes nobody. So
 * the subscription looks again this often, for this long, before it falls back to polling.
 */
const HELD_BACK_RETRY_MS = 25;
const HELD_BACK_WINDOW_MS = 5_000;

/**
 * Catch-up then live, built on readAll alone: reads batches from the last delivered
 * position until none is left, then waits for a wake or the poll interval. Because
 * readAll never returns an event ahead of one still in flight, polling cannot skip.
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private readonly closing = new AbortController();

  constructor(
    private readonly readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
    private position: GlobalPosition,
    private readonly wakeSignal: WakeSignal,
    private readonly options: PollingOptions,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    try {
      let lookAgainUntil = 0;
      while (!this.closed) {
        const batch = await this.readAll({ after: this.position, maxCount: this.options.batchSize });
        if (batch.length > 0) lookAgainUntil = 0;
        for (const event of batch) {
          if (this.closed) return;
          this.position = event.globalPosition;
          yield event;
        }
        if (batch.length < this.options.batchSize && !this.closed) {
          const waitMs = Date.now() < lookAgainUntil ? Math.min(HELD_BACK_RETRY_MS, this.options.pollIntervalMs) : this.options.pollIntervalMs;
          const woken = await this.wakeSignal.wait(waitMs, this.closing.signal);
          if (woken) lookAgainUntil = Date.now() + HELD_BACK_WINDOW_MS;
        }
      }
    } finally {
      this.closed = true;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.closing.abort();
  }
}
