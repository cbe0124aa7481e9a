import { parseArgs } from 'node:util';
import { z } from 'zod';
import { complaintEventRegistry } from '../../domain/complaint';
import { GeneratorOptions } from '../tools/syntheticLedger/generatorOptions';
import { writeSyntheticLedger } from '../tools/syntheticLedger/writeSyntheticLedger';
import { loadConfig } from '../config';
import { openLedger } from '../ledger';
import { resolveMasterKey } from '../masterKey';
import { UsageError, type Subcommand } from './subcommand';

const Whole = z.coerce.number().int();
const PROGRESS_EVERY_MS = 1000;

/**
 * Writes a synthetic ledger straight into the PostgreSQL (or embedded PGlite) events table,
 * deterministic from the seed, its events in the order they happened. Not through the HTTP
 * API: bulk inserts, one transaction per batch of events.
 */
export const generateCommand: Subcommand = {
  summary: 'write a synthetic national-scale ledger (bulk, deterministic from a seed)',
  usage: 'generate --complaints <n> --seed <n> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--no-personal-data] [--batch-size <events per transaction, default 3000>]',
  async run(args) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        complaints: { type: 'string' },
        seed: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        'no-personal-data': { type: 'boolean', default: false },
        'batch-size': { type: 'string', default: '3000' },
      },
      strict: true,
    });
    const options = GeneratorOptions.safeParse({
      complaints: Whole.safeParse(values.complaints).data,
      seed: Whole.safeParse(values.seed).data,
      ...(values.from === undefined ? {} : { from: values.from }),
      ...(values.to === undefined ? {} : { to: values.to }),
      personalData: !values['no-personal-data'],
    });
    if (!options.success) throw new UsageError(options.error.issues.map((i) => `--${i.path.join('.') || 'options'}: ${i.message}`).join('; '));
    const batchSize = Whole.pipe(z.number().min(1).max(10_000)).safeParse(values['batch-size']);
    if (!batchSize.success) throw new UsageError('--batch-size: a whole number from 1 to 10000');
    const config = loadConfig();
    if (config.EVENTSTORE_URL !== undefined && !/^postgres(ql)?:\/\//.test(config.EVENTSTORE_URL)) {
      throw new UsageError('generate writes into a PostgreSQL or embedded ledger; EVENTSTORE_URL names another store');
    }
    const ledger = await openLedger(config, complaintEventRegistry);
    try {
      let printed = 0;
      const result = await writeSyntheticLedger(options.data, {
        client: ledger.sql,
        schema: config.DATABASE_SCHEMA,
        masterKey: resolveMasterKey(config.VAULT_MASTER_KEY, config.DATA_DIR),
        batchSize: batchSize.data,
        onRefusal: (refusal) => console.error(`generate: the domain refused a synthetic move (a generator bug): ${refusal}`),
        onProgress: (p) => {
          if (Date.now() - printed < PROGRESS_EVERY_MS) return;
          printed = Date.now();
          console.log(`generate: ${p.complaints} complaints, ${p.events} events, ${Math.round(p.complaintsPerSecond)} complaints/s`);
        },
      });
      console.log(`generate: done, ${result.complaints} complaints and ${result.events} events in ${result.seconds.toFixed(1)} s (${Math.round(result.complaintsPerSecond)} complaints/s, ${result.refusals} refusals)`);
      return result.refusals === 0 ? 0 : 1;
    } finally {
      await ledger.close();
    }
  },
};
