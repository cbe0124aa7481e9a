import { z } from 'zod';
import type { ComplaintEvent } from '../../domain/complaint';
import type { ProjectionContext } from '../projection';
import type { CollectionSpec } from '../store/collectionSpec';
import type { DocumentChange } from '../store/documents';
import { agencyPerformanceChanges } from '../shared/agencyPerformance';
import { countChanges, type Tally } from '../shared/counters';
import { DurationHistogram, emptyHistogram, withDuration } from '../shared/durationHistogram';
import { milestonesOf, type Milestones } from '../shared/milestones';
import type { ComplaintTransition, TrackedComplaint } from '../shared/trackedComplaint';

/** Single statistics documents, read by id. */
export const statisticsCollection: CollectionSpec = { name: 'statistics', fields: {}, indexes: [] };
export const STATISTICS_IDS = { totals: 'totals', timeToFirstFollowUp: 'time_to_first_follow_up', timeToResolution: 'time_to_resolution' } as const;

export const Totals = z.object({
  complaints: z.number().int(),
  resolved: z.number().int(),
  resolvedOnTime: z.number().int(),
  /** Of first resolutions, the share made before the resolution deadline. */
  shareOnTime: z.number().nullable(),
});
export type Totals = z.infer<typeof Totals>;

/**
 * What a complaint counts towards. Confidential complaints count too (DESIGN.md: counts
 * may include them; listings may not). Region is counted by province.
 */
export function talliesOf({ complaint }: TrackedComplaint): Tally[] {
  return [
    ['status', complaint.status],
    ['category', complaint.category],
    ['province', complaint.regionCode.slice(0, 2)],
    ['agency', complaint.owner.kind === 'agency' ? complaint.owner.agencyId : 'admin_queue'],
    ['channel', complaint.channel],
    ['kind', complaint.kind],
  ];
}

async function histogramChange(id: string, hours: number | undefined, context: ProjectionContext): Promise<DocumentChange[]> {
  if (hours === undefined) return [];
  const stored = await context.document({ collection: statisticsCollection.name, id });
  const histogram = stored ? DurationHistogram.parse(stored.body) : emptyHistogram();
  return [{ kind: 'put', collection: statisticsCollection.name, id, keys: {}, body: withDuration(histogram, hours) }];
}

async function totalsChange(event: ComplaintEvent, milestones: Milestones, context: ProjectionContext): Promise<DocumentChange[]> {
  const submitted = event.type === 'ComplaintSubmitted' ? 1 : 0;
  if (!submitted && !milestones.resolution) return [];
  const stored = await context.document({ collection: statisticsCollection.name, id: STATISTICS_IDS.totals });
  const totals = stored ? Totals.parse(stored.body) : { complaints: 0, resolved: 0, resolvedOnTime: 0, shareOnTime: null };
  const resolved = totals.resolved + (milestones.resolution ? 1 : 0);
  const resolvedOnTime = totals.resolvedOnTime + (milestones.resolution?.onTime ? 1 : 0);
  const body: Totals = { complaints: totals.complaints + submitted, resolved, resolvedOnTime, shareOnTime: resolved === 0 ? null : resolvedOnTime / resolved };
  return [{ kind: 'put', collection: statisticsCollection.name, id: STATISTICS_IDS.totals, keys: {}, body }];
}

/** The public statistics an event moves: counts, duration histograms, totals, the league. */
export async function publicStatisticsChanges(event: ComplaintEvent, transition: ComplaintTransition, context: ProjectionContext): Promise<DocumentChange[]> {
  const milestones = milestonesOf(event, transition);
  return [
    ...(await countChanges(transition.before ? talliesOf(transition.before) : [], talliesOf(transition.after), context)),
    ...(await histogramChange(STATISTICS_IDS.timeToFirstFollowUp, milestones.firstFollowUpHours, context)),
    ...(await histogramChange(STATISTICS_IDS.timeToResolution, milestones.resolution?.hours, context)),
    ...(await totalsChange(event, milestones, context)),
    ...(await agencyPerformanceChanges(milestones, context)),
  ];
}
