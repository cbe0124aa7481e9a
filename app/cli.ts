import { ConfigError } from './config';
import { generateCommand } from './cli/generateCommand';
import { open311KeyCommand } from './cli/open311KeyCommand';
import { rebuildCommand } from './cli/rebuildCommand';
import { UsageError, type Subcommand } from './cli/subcommand';
import { tokenCommand } from './cli/tokenCommand';

/** `npm run cli -- <command> ...`. Add a command by adding it here. */
const subcommands: Readonly<Record<string, Subcommand>> = {
  token: tokenCommand,
  rebuild: rebuildCommand,
  generate: generateCommand,
  'open311-key': open311KeyCommand,
};

function usage(): string {
  return ['usage: npm run cli -- <command> [options]', ...Object.values(subcommands).map((command) => `  ${command.usage.padEnd(60)}  ${command.summary}`)].join('\n');
}

async function cli(args: readonly string[]): Promise<number> {
  const [name, ...rest] = args;
  const command = name !== undefined && Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
  if (!command) {
    console.error(usage());
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) console.error(`${name}: ${error.message}\nusage: npm run cli -- ${command.usage}`);
    else throw error;
    return 2;
  }
}

cli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
