import type { Prng } from './prng';

/** The seed's ratio: 801 thousand reporters for 1.39 million reports. */
const NEW_REPORTER_SHARE = 801 / 1390;
/** u^k picks early (long-standing) reporters far more often: a power-law, Zipf-like reuse. */
const REUSE_SKEW = 3;

export interface PooledReporter {
  /** 0-based number of the reporter in order of first appearance. */
  readonly index: number;
  /** True the first time the reporter appears (their vault key must be created). */
  readonly isNew: boolean;
}

/**
 * Who files the next complaint: a new person, or one who reported before, with a few heavy
 * reporters and a long tail of one-off ones. Keeps a counter only, never a list of people.
 */
export class ReporterPool {
  private count = 0;

  constructor(private readonly prng: Prng) {}

  next(): PooledReporter {
    if (this.count === 0 || this.prng.chance(NEW_REPORTER_SHARE)) return { index: this.count++, isNew: true };
    return { index: Math.floor(this.count * Math.pow(this.prng.next(), REUSE_SKEW)), isNew: false };
  }

  get size(): number {
    return this.count;
  }
}
