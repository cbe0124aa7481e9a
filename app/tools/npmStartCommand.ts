import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const PackageScripts = z.object({ scripts: z.object({ start: z.string() }) });

/** `node [--flag[=value] ...] <script.js>`: the only shape of start script this reads. */
const NODE_COMMAND = /^node((?: --[a-z][a-z0-9-]*(?:=\S+)?)*) (\S+\.js)$/;

/**
 * The arguments `npm start` gives node (package.json's start script), so a benchmark or a
 * process-level test runs the server exactly as operators do, V8 heap flags included,
 * without a second copy of them that could drift.
 */
export function npmStartArguments(projectRoot: string): string[] {
  const { start } = PackageScripts.parse(JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'))).scripts;
  const match = NODE_COMMAND.exec(start);
  if (!match) throw new Error(`package.json's start script is not "node [--flags] <script.js>": ${start}`);
  const flags = match[1]!.trim();
  return [...(flags === '' ? [] : flags.split(' ')), match[2]!];
}
