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

function incrementsOf(milestones: Milestones): [agencyId: string, counter: Counter][] {
  const increments: [string, Counter][] = [];
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

export async function agencyPerformanceChanges(milestones: Milestones, context: ProjectionContext): Promise<DocumentChange[]> {
  const updated = new Map<string, AgencyPerformance>();
  for (const [agencyId, counter] of incrementsOf(milestones)) {
    let current = updated.get(agencyId);
    if (!current) {
      const stored = await context.document({ collection: agenciesCollection.name, id: agencyId });
      current = stored ? AgencyPerformance.parse(stored.body) : empty(agencyId);
    }
    const next = { ...current, [counter]: current[counter] + 1 };
    updated.set(agencyId, { ...next, score: next.assigned === 0 ? 0 : next.resolvedOnTime / next.assigned });
  }
  return [...updated.values()].map((performance) => ({
    kind: 'put',
    collection: agenciesCollection.name,
    id: performance.agencyId,
    keys: { assigned: performance.assigned, score: performance.score },
    body: performance,
  }));
}
