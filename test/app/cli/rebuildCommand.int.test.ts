import { generateCommand } from '../../../app/cli/generateCommand';
import { rebuildCommand } from '../../../app/cli/rebuildCommand';
import type { Subcommand } from '../../../app/cli/subcommand';
import { loadConfig } from '../../../app/config';
import { openLedger } from '../../../app/ledger';
import { complaintEventRegistry } from '../../../domain/complaint';
import { openReadModelStore } from '../../../projections/openReadModelStore';
import { PUBLIC_PROJECTION } from '../../../projections/public/publicProjection';
import type { StoredDocument } from '../../../projections/store/documents';
import type { GenerationStatus } from '../../../projections/store/generations';
import { useEmbeddedDataDir } from './embeddedDataDir';

useEmbeddedDataDir('lapor-rebuild-cli-');

/** Runs a command, returning its exit code and what it printed on stdout. */
async function cli(command: Subcommand, ...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void (out += `${parts.join(' ')}\n`));
  try {
    return { code: await command.run(args), out };
  } finally {
    log.mockRestore();
  }
}

/** The public projection's generations and its live generation's documents, read as the API would find them. */
async function publicReadModel(): Promise<{ generations: GenerationStatus[]; live: StoredDocument[] }> {
  const config = loadConfig();
  const ledger = await openLedger(config, complaintEventRegistry);
  try {
    const store = await openReadModelStore({ readStoreUrl: config.READ_STORE_URL, sql: ledger.sql, schema: config.DATABASE_SCHEMA });
    const generations = await store.generations(PUBLIC_PROJECTION);
    const live = generations.find((g) => g.state === 'live');
    return { generations, live: live ? await store.dumpGeneration(live) : [] };
  } finally {
    await ledger.close();
  }
}

test('rebuild builds a generation beside the live one, prints its progress and the switch, and leaves the same documents live with the old generation gone', async () => {
  expect((await cli(generateCommand, '--complaints', '40', '--seed', '7')).code).toBe(0);

  const first = await cli(rebuildCommand, PUBLIC_PROJECTION);
  expect(first.code).toBe(0);
  expect(first.out).toMatch(/^rebuild public: generation 1 caught up; building its indexes and switching readers over$/m);
  expect(first.out).toMatch(/^rebuild public: generation 1 is live \(\d+ ledger events in [\d.]+ s\)$/m);
  const before = await publicReadModel();
  expect(before.generations.map((g) => [g.generation, g.state])).toEqual([[1, 'live']]);
  expect(before.live.filter((d) => d.collection === 'complaints').length).toBe(40);

  const second = await cli(rebuildCommand, PUBLIC_PROJECTION);
  expect(second.code).toBe(0);
  expect(second.out).toMatch(/^rebuild public: generation 2 is live/m);
  const after = await publicReadModel();
  expect(after.generations.map((g) => [g.generation, g.state])).toEqual([[2, 'live']]);
  expect(after.live).toEqual(before.live);
}, 120_000);
