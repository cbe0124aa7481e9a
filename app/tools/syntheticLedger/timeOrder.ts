import { jakartaEpochDayOfInstant } from '../../../domain/calendar';
import type { NewEvent } from '../../../eventstore/port';
import type { GeneratedComplaint, VaultKeyToCreate } from './syntheticLedger';

/** One event, in the order the ledger is to hold it. */
export interface OrderedEvent {
  readonly streamId: string;
  readonly event: NewEvent;
  /** On a complaint's first event only: counts one complaint written. */
  readonly submission: boolean;
  /** On the first event of a reporter's first complaint: their data key, stored with it. */
  readonly newVaultKey?: VaultKeyToCreate;
}

interface Waiting {
  readonly atMs: number;
  readonly sequence: number;
  readonly ordered: OrderedEvent;
}

/**
 * Puts the generated complaints' events in the order a live ledger holds them: by when each
 * happened, the complaints' streams interleaved. The generator gives each complaint's whole
 * stream at once, day by day (Jakarta days), so the events of a day can go once the
 * generator has moved past it: no complaint still to come has an event before its own
 * submission day. Only the events still ahead of the generator wait here, so memory follows
 * the daily volume and how long complaints stay open, not the ledger's size.
 */
export class TimeOrder {
  private readonly waiting = new Map<number, Waiting[]>();
  /** Days before this one have gone out. */
  private releasedBefore = -Infinity;
  private sequence = 0;

  /** Takes a complaint; yields, in time order, the waiting events of the days before its submission's day. */
  *add(complaint: Pick<GeneratedComplaint, 'streamId' | 'events' | 'newVaultKey'>): Generator<OrderedEvent> {
    const first = complaint.events[0];
    if (first === undefined) return;
    yield* this.releaseBefore(jakartaEpochDayOfInstant(first.metadata.occurredAt));
    let atMs = -Infinity;
    let day = -Infinity;
    for (const [index, event] of complaint.events.entries()) {
      // A stream's events keep their order even if two carried times out of step.
      atMs = Math.max(atMs, Date.parse(event.metadata.occurredAt));
      day = Math.max(day, jakartaEpochDayOfInstant(event.metadata.occurredAt));
      const submission = index === 0;
      const ordered: OrderedEvent = { streamId: complaint.streamId, event, submission, ...(submission && complaint.newVaultKey ? { newVaultKey: complaint.newVaultKey } : {}) };
      const list = this.waiting.get(day);
      const entry = { atMs, sequence: this.sequence++, ordered };
      if (list) list.push(entry);
      else this.waiting.set(day, [entry]);
    }
  }

  /** Everything still waiting, in time order: after the last complaint. */
  *drain(): Generator<OrderedEvent> {
    yield* this.releaseBefore(Infinity);
  }

  private *releaseBefore(day: number): Generator<OrderedEvent> {
    if (day <= this.releasedBefore) return;
    this.releasedBefore = day;
    const due = [...this.waiting.keys()].filter((d) => d < day).sort((a, b) => a - b);
    for (const d of due) {
      const entries = this.waiting.get(d)!;
      this.waiting.delete(d);
      entries.sort((a, b) => a.atMs - b.atMs || a.sequence - b.sequence);
      for (const entry of entries) yield entry.ordered;
    }
  }
}
