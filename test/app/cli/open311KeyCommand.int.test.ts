import { open311KeyCommand } from '../../../app/cli/open311KeyCommand';
import { UsageError } from '../../../app/cli/subcommand';
import { loadConfig } from '../../../app/config';
import { openLedger } from '../../../app/ledger';
import { complaintEventRegistry } from '../../../domain/complaint';
import { Open311ApiKeys } from '../../../open311/apiKeys';
import { useEmbeddedDataDir } from './embeddedDataDir';

useEmbeddedDataDir('lapor-open311-cli-');

/** Runs the command, returning its exit code and what it printed on stdout. */
async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    return { code: await open311KeyCommand.run(args), out };
  } finally {
    write.mockRestore();
    error.mockRestore();
  }
}

async function verifiedClient(apiKey: string): Promise<string | undefined> {
  const ledger = await openLedger(loadConfig(), complaintEventRegistry);
  try {
    const keys = await Open311ApiKeys.open(ledger.sql, loadConfig().DATABASE_SCHEMA);
    return (await keys.verify(apiKey))?.clientId;
  } finally {
    await ledger.close();
  }
}

test('issue prints a key once that the store then accepts; list shows the client; revoke ends it', async () => {
  const issued = await cli('issue', '--name', 'Kota Bandung app', '--per-hour', '120');
  expect(issued.code).toBe(0);
  const clientId = /^client (\S+) \(Kota Bandung app, 120 requests\/hour\)$/m.exec(issued.out)?.[1];
  const apiKey = /^api_key (\S+)$/m.exec(issued.out)?.[1];
  expect(clientId).toBeDefined();
  expect(apiKey).toBeDefined();
  expect(await verifiedClient(apiKey!)).toBe(clientId);
  expect(await verifiedClient(`${apiKey!}x`)).toBeUndefined();

  const listed = await cli('list');
  expect(listed.out).toContain(`${clientId!}\tKota Bandung app\t120/h`);
  expect(listed.out).not.toContain(apiKey!);

  expect((await cli('revoke', clientId!)).code).toBe(0);
  expect(await verifiedClient(apiKey!)).toBeUndefined();
  expect((await cli('list')).out).toMatch(new RegExp(`${clientId!}\\t.*\\trevoked `));
  expect((await cli('revoke', clientId!)).code).toBe(1);
});

test('usage mistakes are refused before anything is opened', async () => {
  await expect(cli('issue')).rejects.toBeInstanceOf(UsageError);
  await expect(cli('issue', '--name', 'x', '--per-hour', '0')).rejects.toBeInstanceOf(UsageError);
  await expect(cli('revoke')).rejects.toBeInstanceOf(UsageError);
  await expect(cli('rotate')).rejects.toBeInstanceOf(UsageError);
});
