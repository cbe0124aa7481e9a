import { z } from 'zod';

/**
 * Durations kept as a histogram, so that median and p90 come from a stored document on
 * any store. Buckets are in hours; a percentile is reported as the upper bound of the
 * bucket it falls in (the last bucket is open and reports its lower bound).
 */
export const BUCKET_UPPER_BOUNDS_HOURS: readonly number[] = [1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 240, 336, 504, 720, 1080, 1440, 2160, 4320, 8760];

export const DurationHistogram = z.object({
  /** counts[i]: durations in (bound[i-1], bound[i]] hours; the extra last slot: beyond the last bound. */
  counts: z.array(z.number().int().min(0)),
  total: z.number().int().min(0),
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
export type DurationHistogram = z.infer<typeof DurationHistogram>;

export const emptyHistogram = (): DurationHistogram => ({
  counts: BUCKET_UPPER_BOUNDS_HOURS.map(() => 0).concat(0),
  total: 0,
  medianHours: null,
  p90Hours: null,
});

export function bucketOf(hours: number): number {
  const index = BUCKET_UPPER_BOUNDS_HOURS.findIndex((bound) => hours <= bound);
  return index === -1 ? BUCKET_UPPER_BOUNDS_HOURS.length : index;
}

/** The bucket bound at or below which a share `q` of the durations fall; null when empty. */
export function percentileHours(counts: readonly number[], total: number, q: number): number | null {
  if (total === 0) return null;
  const rank = Math.ceil(q * total);
  let seen = 0;
  for (const [index, count] of counts.entries()) {
    seen += count;
    if (seen >= rank) return BUCKET_UPPER_BOUNDS_HOURS[index] ?? BUCKET_UPPER_BOUNDS_HOURS.at(-1)!;
  }
  return BUCKET_UPPER_BOUNDS_HOURS.at(-1)!;
}

export function withDuration(histogram: DurationHistogram, hours: number): DurationHistogram {
  const counts = histogram.counts.map((count, index) => (index === bucketOf(hours) ? count + 1 : count));
  const total = histogram.total + 1;
  return { counts, total, medianHours: percentileHours(counts, total, 0.5), p90Hours: percentileHours(counts, total, 0.9) };
}

export const hoursBetween = (from: string, to: string): number => Math.max(0, (Date.parse(to) - Date.parse(from)) / 3_600_000);
