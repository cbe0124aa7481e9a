import type { GlobalPosition, RecordedEvent, Subscription } from '../port';

/** One server-side subscription as the client hands it out (catch-up, then live). */
export interface DroppableSource<Item> extends AsyncIterable<Item> {
  unsubscribe(): Promise<void>;
}

export interface ResubscribeOptions {
  /** Wait before the first attempt to subscribe again; doubled per consecutive failure. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Consecutive failures without a delivered event before the iteration gives up and throws. */
  readonly maxAttempts: number;
}

export const DEFAULT_RESUBSCRIBE: ResubscribeOptions = { initialDelayMs: 100, maxDelayMs: 5_000, maxAttempts: 10 };

export interface ResubscribingParts<Item> {
  /** Opens a subscription delivering what comes strictly after `after`. */
  readonly open: (after: GlobalPosition) => DroppableSource<Item>;
  /** Our event, or undefined for what the reader must skip (system events). */
  readonly toRecorded: (item: Item) => RecordedEvent | undefined;
  readonly isTransient: (error: unknown) => boolean;
}

export function resubscribeDelayMs(failures: number, options: ResubscribeOptions): number {
  return Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** Math.max(0, failures - 1));
}

const CLOSED = Symbol('closed');

/**
 * Subscriptions to $all drop (connection loss, leader election, server restart). This one
 * opens a new subscription from the last delivered position, commit and prepare both,
 * and skips anything at or before it, so each event is delivered once and in order.
 */
export class ResubscribingSubscription<Item> implements Subscription {
  private closed = false;
  private current: DroppableSource<Item> | undefined;
  private readonly closing: Promise<typeof CLOSED>;
  private signalClosed: () => void = () => undefined;

  constructor(
    private readonly parts: ResubscribingParts<Item>,
    private position: GlobalPosition,
    private readonly options: ResubscribeOptions = DEFAULT_RESUBSCRIBE,
  ) {
    this.closing = new Promise((resolve) => {
      this.signalClosed = () => resolve(CLOSED);
    });
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    let failures = 0;
    try {
      while (!this.closed) {
        const source = this.parts.open(this.position);
        this.current = source;
        try {
          for await (const event of this.deliveries(source)) {
            failures = 0;
            this.position = event.globalPosition;
            yield event;
          }
          if (this.closed) return;
          throw new Error('EventStoreDB ended the subscription');
        } catch (error) {
          if (this.closed) return;
          failures += 1;
          if (!this.parts.isTransient(error) || failures > this.options.maxAttempts) throw error;
          await this.untilClosedOr(resubscribeDelayMs(failures, this.options));
        } finally {
          this.current = undefined;
          await source.unsubscribe().catch(() => undefined);
        }
      }
    } finally {
      this.closed = true;
    }
  }

  /** The source's events after our position, ending as soon as close() is called. */
  private async *deliveries(source: DroppableSource<Item>): AsyncGenerator<RecordedEvent> {
    const iterator = source[Symbol.asyncIterator]();
    try {
      while (!this.closed) {
        const next = iterator.next();
        // After close() nobody awaits `next`; its later rejection must not go unhandled.
        next.catch(() => undefined);
        const step = await Promise.race([next, this.closing]);
        if (step === CLOSED || step.done) return;
        const event = this.parts.toRecorded(step.value);
        if (event && event.globalPosition > this.position) yield event;
      }
    } finally {
      // Releases the client's readable; not awaited, since a pending next() may never settle.
      iterator.return?.().catch(() => undefined);
    }
  }

  private async untilClosedOr(delayMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const elapsed = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, delayMs);
    });
    await Promise.race([elapsed, this.closing]);
    clearTimeout(timer);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.signalClosed();
    await this.current?.unsubscribe().catch(() => undefined);
  }
}
