import type { RecordedEvent } from '../../eventstore/port';
import type { LedgerComplaint } from './ledgerTruth';

/**
 * Statistics recounted straight from the ledger, without the projection code: counts from
 * each complaint's current state, durations and on-time facts from the events themselves.
 */
export interface Recount {
  readonly counts: ReadonlyMap<string, number>;
  readonly firstFollowUpHours: readonly number[];
  readonly resolutionHours: readonly number[];
  readonly resolvedOnTime: number;
  readonly agencies: ReadonlyMap<string, { assigned: number; declined: number; resolved: number; resolvedOnTime: number }>;
}

const hours = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 3_600_000;
const data = (e: RecordedEvent): Record<string, unknown> => e.data as Record<string, unknown>;

export function recount(complaints: readonly LedgerComplaint[]): Recount {
  const counts = new Map<string, number>();
  const bump = (key: string): void => void counts.set(key, (counts.get(key) ?? 0) + 1);
  const agencies = new Map<string, { assigned: number; declined: number; resolved: number; resolvedOnTime: number }>();
  const agency = (id: string) => {
    const entry = agencies.get(id) ?? { assigned: 0, declined: 0, resolved: 0, resolvedOnTime: 0 };
    agencies.set(id, entry);
    return entry;
  };
  const firstFollowUpHours: number[] = [];
  const resolutionHours: number[] = [];
  let resolvedOnTime = 0;
  for (const { complaint: c, events } of complaints) {
    bump(`status:${c.status}`);
    bump(`category:${c.category}`);
    bump(`province:${c.regionCode.slice(0, 2)}`);
    bump(`agency:${c.owner.kind === 'agency' ? c.owner.agencyId : 'admin_queue'}`);
    bump(`channel:${c.channel}`);
    bump(`kind:${c.kind}`);
    const submittedAt = String(data(events[0]!).at);
    const followUp = events.find((e) => e.type === 'FollowUpPosted');
    if (followUp) firstFollowUpHours.push(hours(submittedAt, String(data(followUp).at)));
    let resolveBy: string | undefined;
    let resolved = false;
    for (const e of events) {
      const d = data(e);
      if (e.type === 'ComplaintDisposed') agency(String(d.agencyId)).assigned++;
      if (e.type === 'AssignmentDeclined') agency(String(d.agencyId)).declined++;
      if (e.type === 'AssignmentAccepted' || e.type === 'ComplaintReopened') resolveBy = String(d.resolveBy);
      if (e.type === 'ComplaintResolved' && !resolved) {
        resolved = true;
        const onTime = resolveBy !== undefined && Date.parse(String(d.at)) <= Date.parse(resolveBy);
        resolutionHours.push(hours(submittedAt, String(d.at)));
        if (onTime) resolvedOnTime++;
        agency(String(d.agencyId)).resolved++;
        if (onTime) agency(String(d.agencyId)).resolvedOnTime++;
      }
    }
  }
  return { counts, firstFollowUpHours, resolutionHours, resolvedOnTime, agencies };
}

/** The exact q-quantile by the same rank rule as the histogram (ceil(q * n)-th smallest). */
export function exactPercentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(q * sorted.length) - 1]!;
}
