const mb = (bytes: number): number => Math.round(bytes / 1_048_576);

/**
 * Peak RSS of this process, sampled often enough to see a batch's working set, and the RSS
 * at chosen shares of a run's progress (to show whether memory grows with the ledger).
 */
export class RssWatch {
  private peakBytes = process.memoryUsage.rss();
  private readonly timer = setInterval(() => this.sampleMb(), 100);
  private readonly marksMb: { share: number; rssMb: number }[] = [];

  sampleMb(): number {
    const rss = process.memoryUsage.rss();
    this.peakBytes = Math.max(this.peakBytes, rss);
    return mb(rss);
  }

  get peakMb(): number {
    this.sampleMb();
    return mb(this.peakBytes);
  }

  /** Starts a new phase: the peak from here on. */
  reset(): void {
    this.peakBytes = process.memoryUsage.rss();
    this.marksMb.length = 0;
  }

  /** Records the RSS the first time progress reaches each of `shares`; true when a new mark was taken. */
  markProgress(share: number, shares: readonly number[]): boolean {
    const due = shares.filter((s) => share >= s - 1e-9 && !this.marksMb.some((m) => m.share === s));
    for (const s of due) this.marksMb.push({ share: s, rssMb: this.sampleMb() });
    return due.length > 0;
  }

  /** e.g. "25%: 180 MB, 50%: 182 MB" */
  marksLine(): string {
    return this.marksMb.map((m) => `${Math.round(m.share * 100)}%: ${m.rssMb} MB`).join(', ');
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
