import { Client } from 'pg';

/**
 * Fresh schemas for each phase, all named after this run, and dropped afterwards, also
 * when the run is interrupted: the bench shares its database with other people's tests.
 */
export class ScratchSchemas {
  private readonly live = new Set<string>();
  private readonly runId = `bench_${Date.now().toString(36)}${process.pid.toString(36)}`;

  constructor(private readonly databaseUrl: string) {}

  /** A schema name unique to this run and phase; not created (the ledger migrations create theirs). */
  name(phase: string): string {
    const name = `${this.runId}_${phase}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    this.live.add(name);
    return name;
  }

  /** Runs SQL on a short-lived admin connection of its own (never one of a pool under test). */
  async query<Row extends object>(sql: string): Promise<Row[]> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'lapor-bench-admin' });
    await client.connect();
    try {
      const result = await client.query<Row>(sql);
      return result.rows;
    } finally {
      await client.end();
    }
  }

  async run(sql: string): Promise<void> {
    await this.query(sql);
  }

  async drop(name: string): Promise<void> {
    // DROP, not TRUNCATE: the ledger's trigger refuses TRUNCATE, but a dropped schema takes the table with it.
    await this.run(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
    this.live.delete(name);
  }

  /** Drops whatever this run still has; used on the way out, errors reported, not thrown. */
  async dropAll(): Promise<void> {
    for (const name of [...this.live]) {
      await this.drop(name).catch((error: unknown) => console.error(`could not drop schema ${name}: ${String(error)}`));
    }
  }
}
