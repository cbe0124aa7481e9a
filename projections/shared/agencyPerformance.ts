import { z } from 'zod';
import type { ProjectionContext } from '../projection';
import type { CollectionSpec } from '../store/collectionSpec';
import type { DocumentChange } from '../store/documents';
import type { Milestones } from './milestones';

/**
 * Per-agency figures: the public league table and the Ombudsman's compliance list are the
 * same counters, kept by each projection in its own `agencies` collection.
 */
export const agenciesCollection: CollectionSpec = {
  name: 'agencies',
  fields: { assigned: 'number', score: 'number' },
  indexes: [
    { equals: [], orderBy: 'score' },
    { equals: [], orderBy: 'assigned' },
  ],
};

export const AgencyPerformance = z.object({
  agencyId: z.string(),
  assigned: z.number().int(),
  responded: z.number().int(),
  respondedOnTime: z.number().int(),
  declined: z.number().int(),
  resolved: z.number().int(),
  resolvedOnTime: z.number().int(),
  overdueEscalations: z.number().int(),
  /** Share of its assignments it resolved on time: what the league ranks by. */
  score: z.number(),
});
export type AgencyPerformance = z.infer<typeof AgencyPerformance>;

type Counter = Exclude<keyof AgencyPerformance, 'agencyId' | 'score'>;

type Increment = readonly [agencyId: string, counter: Counter];

function incrementsOf(milestones: Milestones): Increment[] {
  const increments: Increment[] = [];
  const { assignedTo, response, declinedBy, resolution, overdueEscalation } = milestones;
  if (assignedTo) increments.push([assignedTo, 'assigned']);
  if (response) increments.push([response.agencyId, 'responded']);
  if (response?.onTime) increments.push([response.agencyId, 'respondedOnTime']);
  if (declinedBy) increments.push([declinedBy, 'declined']);
  if (resolution) increments.push([resolution.agencyId, 'resolved']);
  if (resolution?.onTime) increments.push([resolution.agencyId, 'resolvedOnTime']);
  if (overdueEscalation?.agencyId) increments.push([overdueEscalation.agencyId, 'overdueEscalations']);
  return increments;
}

const empty = (agencyId: string): AgencyPerformance => ({
  agencyId,
  assigned: 0,
  responded: 0,
  respondedOnTime: 0,
  declined: 0,
  resolved: 0,
  resolvedOnTime: 0,
  overdueEscalations: 0,
  score: 0,
});

/** The same counters per agency and calendar month (Jakarta time): compliance over time. */
export const agencyMonthsCollection: CollectionSpec = {
  name: 'agency_months',
  fields: { month: 'string', agencyId: 'string', assigned: 'number', score: 'number' },
  indexes: [
    { equals: [], orderBy: 'month' },
    { equals: ['agencyId'], orderBy: 'month' },
  ],
};

export const AgencyMonth = AgencyPerformance.extend({ month: z.string().regex(/^\d{4}-\d{2}$/) });
export type AgencyMonth = z.infer<typeof AgencyMonth>;

const JAKARTA_OFFSET_MS = 7 * 3_600_000;
/** "2026-11" for an instant, in Jakarta time (UTC+7, no daylight saving). */
export const jakartaMonthOf = (instant: string): string => new Date(Date.parse(instant) + JAKARTA_OFFSET_MS).toISOString().slice(0, 7);

/** Where one agency's counters live: all time (`month` absent) or one month; `pooled` counts every agency as ALL_AGENCIES. */
interface CounterPlace {
  readonly collection: string;
  readonly month?: string;
  readonly pooled?: boolean;
}

/** The agency id of the month documents that count every agency together. */
export const ALL_AGENCIES = '*';

async function counterChanges(increments: readonly Increment[], context: ProjectionContext, place: CounterPlace): Promise<DocumentChange[]> {
  const idOf = (agencyId: string) => (place.month === undefined ? agencyId : `${agencyId}@${place.month}`);
  const updated = new Map<string, AgencyPerformance>();
  for (const [counted, counter] of increments) {
    const agencyId = place.pooled ? ALL_AGENCIES : counted;
    let current = updated.get(agencyId);
    if (!current) {
      const stored = await context.document({ collection: place.collection, id: idOf(agencyId) });
      current = stored ? AgencyPerformance.parse(stored.body) : empty(agencyId);
    }
    const next = { ...current, [counter]: current[counter] + 1 };
    updated.set(agencyId, { ...next, score: next.assigned === 0 ? 0 : next.resolvedOnTime / next.assigned });
  }
  return [...updated.values()].map((performance) => ({
    kind: 'put',
    collection: place.collection,
    id: idOf(performance.agencyId),
    keys: { assigned: performance.assigned, score: performance.score, ...(place.month === undefined ? {} : { month: place.month, agencyId: performance.agencyId }) },
    body: place.month === undefined ? performance : { ...performance, month: place.month },
  }));
}

export async function agencyPerformanceChanges(milestones: Milestones, context: ProjectionContext): Promise<DocumentChange[]> {
  const increments = incrementsOf(milestones);
  return increments.length === 0 ? [] : counterChanges(increments, context, { collection: agenciesCollection.name });
}

/** The month's counters of each agency and of all agencies together, for the milestones of an event that happened at `at`. */
export async function agencyMonthChanges(milestones: Milestones, context: ProjectionContext, at: string): Promise<DocumentChange[]> {
  const increments = incrementsOf(milestones);
  if (increments.length === 0) return [];
  const place = { collection: agencyMonthsCollection.name, month: jakartaMonthOf(at) };
  return [...(await counterChanges(increments, context, place)), ...(await counterChanges(increments, context, { ...place, pooled: true }))];
}
