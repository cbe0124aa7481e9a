/** One `npm run cli -- <name> ...` command. Returns the process exit code. */
export interface Subcommand {
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[]): Promise<number>;
}

/** A usage mistake: printed with the usage line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
