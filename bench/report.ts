import type { WorkloadResult } from './appendWorkload';

/** A ratio, or why it could not be measured (printed as n/a on the last line). */
export type Ratio = { readonly value: number } | { readonly unavailable: string };

export function formatRatio(ratio: Ratio): string {
  return 'value' in ratio ? ratio.value.toFixed(2) : 'n/a';
}

export function formatResult(result: WorkloadResult): string {
  const existingPct = result.appends > 0 ? Math.round((100 * result.toExistingStreams) / result.appends) : 0;
  return (
    `${Math.round(result.perSecond)} appends/s (${result.appends} in ${result.seconds.toFixed(1)}s, ` +
    `${existingPct}% to existing streams) latency ${result.latency.summary()}`
  );
}
