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
 * the subscription looks again soon, then less and less often (a long transaction elsewhere
 * must not turn into a stream of reads), for up to one poll interval, when polling takes over.
 */
const HELD_BACK_FIRST_RETRY_MS = 25;
const HELD_BACK_LONGEST_RETRY_MS = 1_000;

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
      // While a woken read has not yet found its append: when to look again, and how long to wait then.
      let lookAgain: { readonly until: number; readonly afterMs: number } | undefined;
      while (!this.closed) {
        const batch = await this.readAll({ after: this.position, maxCount: this.options.batchSize });
        if (batch.length > 0 || (lookAgain && Date.now() >= lookAgain.until)) lookAgain = undefined;
        for (const event of batch) {
          if (this.closed) return;
          this.position = event.globalPosition;
          yield event;
        }
        if (batch.length < this.options.batchSize && !this.closed) {
          const waitMs = Math.min(lookAgain?.afterMs ?? Infinity, this.options.pollIntervalMs);
          const woken = await this.wakeSignal.wait(waitMs, this.closing.signal);
          if (woken) lookAgain = { until: Date.now() + this.options.pollIntervalMs, afterMs: HELD_BACK_FIRST_RETRY_MS };
          else if (lookAgain) lookAgain = { ...lookAgain, afterMs: Math.min(lookAgain.afterMs * 2, HELD_BACK_LONGEST_RETRY_MS) };
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
