import type { BenchConfig } from './benchConfig';
import { loadEmmett, openEmmettTarget } from './emmettTarget';
import { openPostgresLedger } from './ledgerTargets';
import { findPgbench, measurePgbenchInserts } from './pgbenchInserts';
import type { Ratio } from './report';
import type { ScratchSchemas } from './scratchSchemas';
import { timedPhase } from './timedPhase';

export interface Headline {
  /** Median of our rounds at the headline writer count. */
  readonly appendsPerSecond: number;
  readonly toPgbench: Ratio;
  readonly toEmmett: Ratio;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A comparison that is measured each round until it first fails; then it only says why. */
class Comparison {
  readonly ratios: number[] = [];
  unavailable: string | undefined;

  constructor(unavailable?: string) {
    this.unavailable = unavailable;
  }

  result(): Ratio {
    if (this.unavailable !== undefined) return { unavailable: this.unavailable };
    return { value: median(this.ratios) };
  }
}

/**
 * Our ledger, pgbench and Emmett back to back, `config.rounds` times: on a shared machine the
 * load drifts, so each round's ratio compares runs seconds apart, and the median of the rounds
 * is reported.
 */
export async function measureHeadline(config: BenchConfig, schemas: ScratchSchemas, writers: number): Promise<Headline> {
  const pgbench = await findPgbench();
  const toPgbench = new Comparison(pgbench ? undefined : 'pgbench is not installed (looked in PGBENCH, /usr/bin and PATH)');
  const emmett = await loadEmmett().catch((error: unknown) => messageOf(error));
  const toEmmett = new Comparison(typeof emmett === 'string' ? `@event-driven-io/emmett-postgresql does not load on Node ${process.version}: ${emmett}` : undefined);
  const ours: number[] = [];

  for (let round = 1; round <= config.rounds; round++) {
    const tag = config.rounds > 1 ? ` round ${round}/${config.rounds}` : '';
    const own = await timedPhase(`postgres writers=${writers}${tag}`, config, writers, () => openPostgresLedger(config.databaseUrl, schemas, `pg${writers}_${round}`, writers));
    ours.push(own.perSecond);

    if (pgbench && toPgbench.unavailable === undefined) {
      console.log(`phase pgbench${tag}: raw single-row INSERT, ${pgbench} -n -c ${writers} -j 2 -T ${config.seconds} ...`);
      const outcome = await measurePgbenchInserts(pgbench, config.databaseUrl, schemas, writers, config.seconds);
      if (outcome.ok) {
        console.log(`phase pgbench${tag}: ${Math.round(outcome.tps)} inserts/s -> ratio ${(own.perSecond / outcome.tps).toFixed(2)}`);
        toPgbench.ratios.push(own.perSecond / outcome.tps);
      } else toPgbench.unavailable = `pgbench failed: ${outcome.reason}`;
    }

    if (typeof emmett !== 'string' && toEmmett.unavailable === undefined) {
      try {
        const theirs = await timedPhase(`emmett-postgresql writers=${writers}${tag}`, config, writers, () => openEmmettTarget(emmett, config.databaseUrl, schemas, writers));
        console.log(`phase emmett-postgresql${tag}: ratio ${(own.perSecond / theirs.perSecond).toFixed(2)}`);
        toEmmett.ratios.push(own.perSecond / theirs.perSecond);
      } catch (error) {
        toEmmett.unavailable = `Emmett's PostgreSQL store failed: ${messageOf(error)}`;
      }
    }
  }
  return { appendsPerSecond: median(ours), toPgbench: toPgbench.result(), toEmmett: toEmmett.result() };
}
