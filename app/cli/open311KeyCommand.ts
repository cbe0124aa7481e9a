import { parseArgs } from 'node:util';
import { z } from 'zod';
import { complaintEventRegistry } from '../../domain/complaint';
import { Open311ApiKeys } from '../../open311/apiKeys';
import { loadConfig } from '../config';
import { openLedger } from '../ledger';
import { UsageError, type Subcommand } from './subcommand';

const Name = z.string().trim().min(1).max(200);
const PerHour = z.coerce.number().int().min(1).max(1_000_000);

/**
 * Issues, lists and revokes the api keys of Open311 client apps. The key is printed once;
 * the database keeps only its hash. With embedded PGlite, stop `npm start` first (one process per data folder).
 */
export const open311KeyCommand: Subcommand = {
  summary: 'issue, list or revoke Open311 client api keys',
  usage: 'open311-key issue --name <client app> [--per-hour <n>] | list | revoke <client id>',
  async run(args) {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { name: { type: 'string' }, 'per-hour': { type: 'string', default: '600' } },
      allowPositionals: true,
      strict: true,
    });
    const [action, ...rest] = positionals;
    const config = loadConfig();
    const run = async (work: (keys: Open311ApiKeys) => Promise<number>): Promise<number> => {
      const ledger = await openLedger(config, complaintEventRegistry);
      try {
        return await work(await Open311ApiKeys.open(ledger.sql, config.DATABASE_SCHEMA));
      } finally {
        await ledger.close();
      }
    };
    switch (action) {
      case 'issue': {
        const name = Name.safeParse(values.name);
        if (!name.success) throw new UsageError('--name: the client app, 1 to 200 characters');
        const perHour = PerHour.safeParse(values['per-hour']);
        if (!perHour.success) throw new UsageError('--per-hour: a whole number from 1 to 1000000');
        return run(async (keys) => {
          const { client, apiKey } = await keys.issue(name.data, perHour.data);
          process.stdout.write(`client ${client.clientId} (${client.name}, ${client.requestsPerHour} requests/hour)\napi_key ${apiKey}\n(shown once: only its hash is stored)\n`);
          return 0;
        });
      }
      case 'list':
        return run(async (keys) => {
          for (const c of await keys.list()) process.stdout.write(`${c.clientId}\t${c.name}\t${c.requestsPerHour}/h\tissued ${c.createdAt}${c.revokedAt ? `\trevoked ${c.revokedAt}` : ''}\n`);
          return 0;
        });
      case 'revoke': {
        const [clientId] = rest;
        if (clientId === undefined || rest.length !== 1) throw new UsageError('name the client id to revoke');
        return run(async (keys) => {
          if (await keys.revoke(clientId)) {
            process.stdout.write(`revoked ${clientId}\n`);
            return 0;
          }
          console.error(`no active key for client ${clientId}`);
          return 1;
        });
      }
      default:
        throw new UsageError('issue, list or revoke');
    }
  },
};
