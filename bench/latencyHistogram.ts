/**
 * Append latencies in fixed 0.1 ms buckets up to 2 s: constant memory however many
 * appends are recorded (the memory phase records a million).
 */
const BUCKET_MS = 0.1;
const BUCKETS = 20_000;

export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS + 1);
  private total = 0;
  private maxMs = 0;

  record(ms: number): void {
    this.counts[Math.min(BUCKETS, Math.floor(ms / BUCKET_MS))]! += 1;
    this.total += 1;
    if (ms > this.maxMs) this.maxMs = ms;
  }

  /** Upper edge of the bucket holding the q-quantile, in ms (0 when empty). */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.ceil(q * this.total);
    let seen = 0;
    for (let i = 0; i <= BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return i === BUCKETS ? this.maxMs : (i + 1) * BUCKET_MS;
    }
    return this.maxMs;
  }

  summary(): string {
    const f = (ms: number): string => ms.toFixed(1);
    return `p50=${f(this.quantile(0.5))}ms p99=${f(this.quantile(0.99))}ms max=${f(this.maxMs)}ms`;
  }
}
