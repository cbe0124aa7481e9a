export interface AppendBatcherOptions {
  /** Calls in flight at once; further entries wait and go together in the next free call. */
  readonly maxCallsInFlight: number;
  /** Events one call may carry; an entry with more still goes, alone. */
  readonly maxEventsPerCall: number;
}

interface Waiting<Entry, Outcome> {
  readonly entry: Entry;
  readonly eventCount: number;
  readonly resolve: (outcome: Outcome) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Groups appends: entries submitted in the same turn of the event loop, or while
 * `maxCallsInFlight` calls are running, queue up, and the next free call takes them all
 * (one transaction, one round trip, one commit).
 * Each caller gets the outcome of its own entry. A call that fails as a whole (say, one
 * entry's data is refused by the database) is repeated entry by entry, so that an error
 * only ever reaches the caller it belongs to; entries are idempotent by event id, so a
 * call that committed before its connection failed answers the repeat as a duplicate.
 */
export class AppendBatcher<Entry, Outcome> {
  private readonly queue: Waiting<Entry, Outcome>[] = [];
  private callsInFlight = 0;
  private startScheduled = false;

  constructor(
    /** Runs entries in order in one call and returns one outcome per entry, in the same order. */
    private readonly send: (entries: readonly Entry[]) => Promise<readonly Outcome[]>,
    private readonly options: AppendBatcherOptions,
  ) {
    if (!(options.maxCallsInFlight >= 1 && options.maxEventsPerCall >= 1)) throw new RangeError('AppendBatcher: limits must be at least 1');
  }

  submit(entry: Entry, eventCount: number): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.queue.push({ entry, eventCount, resolve, reject });
      this.scheduleStart();
    });
  }

  /**
   * Calls start on the next turn of the event loop, not at once: the callers a finished call
   * resumes append again within the same turn, and this way they go together rather than
   * the first of them taking a free call alone.
   */
  private scheduleStart(): void {
    if (this.startScheduled) return;
    this.startScheduled = true;
    setImmediate(() => {
      this.startScheduled = false;
      this.startCalls();
    });
  }

  private startCalls(): void {
    while (this.callsInFlight < this.options.maxCallsInFlight && this.queue.length > 0) {
      this.callsInFlight++;
      void this.run(this.takeGroup()).finally(() => {
        this.callsInFlight--;
        this.scheduleStart();
      });
    }
  }

  /** The longest run of waiting entries, in arrival order, that fits one call (at least one). */
  private takeGroup(): Waiting<Entry, Outcome>[] {
    let events = 0;
    let count = 0;
    for (const waiting of this.queue) {
      if (count > 0 && events + waiting.eventCount > this.options.maxEventsPerCall) break;
      events += waiting.eventCount;
      count++;
    }
    return this.queue.splice(0, count);
  }

  private async run(group: readonly Waiting<Entry, Outcome>[]): Promise<void> {
    try {
      const outcomes = await this.send(group.map((w) => w.entry));
      if (outcomes.length !== group.length) throw new Error(`append call returned ${outcomes.length} outcomes for ${group.length} entries`);
      group.forEach((waiting, i) => waiting.resolve(outcomes[i]!));
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      for (const waiting of group) await this.run([waiting]);
    }
  }
}
