import { performance } from 'node:perf_hooks';
import { runAppendWorkload, type BenchAppender, type WorkloadResult } from './appendWorkload';

export interface MemorySample {
  readonly events: number;
  readonly seconds: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
}

export interface MemoryGrowth {
  readonly rssMb: number;
  readonly heapUsedMb: number;
  /** Heap growth per appended event between the quarters' midpoints. */
  readonly heapBytesPerEvent: number;
  readonly flat: boolean;
}

/** Heap growth below this between the first and last quarter counts as flat (a leak of 1 KB per event would be ~700 MB). */
const FLAT_HEAP_GROWTH_MB = 8;

const mb = (bytes: number): number => bytes / (1024 * 1024);

/** A full collection first when node runs with --expose-gc, so heapUsed is live data, not garbage not yet collected. */
function sample(events: number, startedAt: number): MemorySample {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return { events, seconds: (performance.now() - startedAt) / 1000, rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed) };
}

export function growthOf(samples: readonly MemorySample[]): MemoryGrowth | undefined {
  if (samples.length < 4) return undefined;
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const first = samples.slice(0, quarter);
  const last = samples.slice(-quarter);
  const mean = (list: readonly MemorySample[], pick: (s: MemorySample) => number): number => list.reduce((sum, s) => sum + pick(s), 0) / list.length;
  const heapUsedMb = mean(last, (s) => s.heapUsedMb) - mean(first, (s) => s.heapUsedMb);
  const events = mean(last, (s) => s.events) - mean(first, (s) => s.events);
  return {
    rssMb: mean(last, (s) => s.rssMb) - mean(first, (s) => s.rssMb),
    heapUsedMb,
    heapBytesPerEvent: events > 0 ? (heapUsedMb * 1024 * 1024) / events : 0,
    flat: heapUsedMb < FLAT_HEAP_GROWTH_MB,
  };
}

export function formatSample(s: MemorySample, previous: MemorySample | undefined): string {
  const rate = previous ? (s.events - previous.events) / Math.max(s.seconds - previous.seconds, 1e-3) : s.events / Math.max(s.seconds, 1e-3);
  return `  memory: events=${s.events} t=${s.seconds.toFixed(1)}s rate=${Math.round(rate)}/s rss=${s.rssMb.toFixed(1)}MB heapUsed=${s.heapUsedMb.toFixed(1)}MB`;
}

/**
 * Appends `total` events with `writers` writers and samples RSS and heap every `every`
 * events. Events are made, appended and dropped one by one: nothing of them is kept.
 */
export async function runMemoryPhase(
  appender: BenchAppender,
  options: { total: number; every: number; writers: number; existingShare: number; onSample: (line: string) => void },
): Promise<{ result: WorkloadResult; samples: MemorySample[] }> {
  const startedAt = performance.now();
  const samples: MemorySample[] = [];
  const result = await runAppendWorkload(appender, {
    writers: options.writers,
    existingShare: options.existingShare,
    warmupMs: 0,
    totalAppends: options.total,
    onCounted(counted) {
      if (counted % options.every !== 0) return;
      const s = sample(counted, startedAt);
      options.onSample(formatSample(s, samples.at(-1)));
      samples.push(s);
    },
  });
  return { result, samples };
}
