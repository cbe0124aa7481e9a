import { parseArgs } from 'node:util';
import { z } from 'zod';
import { complaintEventRegistry } from '../../domain/complaint';
import { allProjections, projectionNamed } from '../../projections/catalog';
import { openReadModelStore } from '../../projections/openReadModelStore';
import { rebuildProjections } from '../../projections/runner/rebuildProjection';
import { loadConfig } from '../config';
import { openLedger } from '../ledger';
import { UsageError, type Subcommand } from './subcommand';

const BatchSize = z.coerce.number().int().min(1).max(10_000);
const PROGRESS_EVERY_MS = 1000;

/**
 * Rebuilds read models from the ledger into a new generation beside the live one, then
 * switches readers over. With embedded PGlite, stop `npm start` first (one process per data folder).
 */
export const rebuildCommand: Subcommand = {
  summary: 'rebuild a read model (or all) from the ledger without downtime',
  usage: `rebuild <${allProjections.map((p) => p.name).join('|')}|all> [--batch-size <n> (default: the read store's preferred size)]`,
  async run(args) {
    const { values, positionals } = parseArgs({ args: [...args], options: { 'batch-size': { type: 'string' } }, allowPositionals: true, strict: true });
    const [name] = positionals;
    if (name === undefined || positionals.length !== 1) throw new UsageError('name one projection, or all');
    const batchSize = BatchSize.optional().safeParse(values['batch-size']);
    if (!batchSize.success) throw new UsageError('--batch-size: a whole number from 1 to 10000');
    let projections;
    try {
      projections = name === 'all' ? allProjections : [projectionNamed(name)];
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
    const config = loadConfig();
    const ledger = await openLedger(config, complaintEventRegistry);
    try {
      const store = await openReadModelStore({ readStoreUrl: config.READ_STORE_URL, sql: ledger.sql, schema: config.DATABASE_SCHEMA });
      // All together: the ledger is read and each complaint's state folded once for all of them.
      const printed = new Map<string, number>();
      const results = await rebuildProjections({ events: ledger.store, store, personalData: ledger.vault }, projections, {
        batchSize: batchSize.data,
        onProgress: (p) => {
          if (Date.now() - (printed.get(p.projection) ?? 0) < PROGRESS_EVERY_MS) return;
          printed.set(p.projection, Date.now());
          const order = p.streamByStream ? 'stream by stream' : 'in ledger order';
          console.log(`rebuild ${p.projection}: generation ${p.generation}, ${p.eventsRead} ledger events (${order}), ${Math.round(p.eventsPerSecond)} ledger events/s`);
        },
        onPromoting: (slot) => console.log(`rebuild ${slot.projection}: generation ${slot.generation} caught up; building its indexes and switching readers over`),
      });
      for (const result of results) {
        console.log(`rebuild ${result.slot.projection}: generation ${result.slot.generation} is live (${result.eventsRead} ledger events in ${result.seconds.toFixed(1)} s)`);
      }
      return 0;
    } finally {
      await ledger.close();
    }
  },
};
