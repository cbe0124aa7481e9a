/**
 * The little of PostgreSQL the ledger and the read models need, so that the same SQL runs
 * over `pg` (a server) and over PGlite (PostgreSQL compiled to WASM, in-process).
 */
export interface QueryOptions {
  /**
   * Keep the statement prepared on each connection (a plan reused instead of planned per call).
   * Only for texts from a small fixed set, such as read-model lookups on hot read routes.
   */
  readonly prepared?: boolean;
}

export interface SqlQueryable {
  query<Row>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface SqlClient extends SqlQueryable {
  /** Runs `work` on one connection inside BEGIN ... COMMIT, rolling back on any error. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Calls `onNotify` on each NOTIFY on `channel`; the returned function stops listening. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  notify(channel: string): Promise<void>;
  /** True when other processes may append too, so NOTIFY is worth sending. */
  readonly shared: boolean;
  close(): Promise<void>;
}

/** A quoted-safe schema name: only what we would type ourselves. */
export function checkSchemaName(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  return schema;
}
