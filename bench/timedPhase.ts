import { loadavg } from 'node:os';
import { runAppendWorkload, type WorkloadResult } from './appendWorkload';
import type { BenchConfig } from './benchConfig';
import type { BenchTarget } from './ledgerTargets';
import { formatResult } from './report';

/** One timed phase on a fresh target: a progress line before, the figure after, the target closed either way. */
export async function timedPhase(label: string, config: BenchConfig, writers: number, open: () => Promise<BenchTarget>): Promise<WorkloadResult> {
  console.log(`phase ${label}: ${writers} writer(s), ${config.warmupSeconds}s warm-up + ${config.seconds}s ...`);
  const target = await open();
  try {
    const result = await runAppendWorkload(target.appender, {
      writers,
      existingShare: config.existingShare,
      warmupMs: config.warmupSeconds * 1000,
      measureMs: config.seconds * 1000,
    });
    console.log(`phase ${label}: ${formatResult(result)} load=${loadavg()[0]!.toFixed(2)}`);
    return result;
  } finally {
    await target.close();
  }
}
