import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { migrate, type Migration } from '../eventstore/postgres/migrate';
import { checkSchemaName, type SqlClient } from '../eventstore/postgres/sqlClient';

/**
 * API keys of the client apps that may POST service requests. A key is
 * `o311_<client id>_<secret>`; only SHA-256 of the 256-bit random secret is stored (a slow
 * hash adds nothing to a secret that cannot be guessed), compared in constant time.
 */
const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'open311 clients',
    sql: `
      CREATE TABLE $S.open311_clients (
        client_id text PRIMARY KEY,
        name text NOT NULL,
        secret_sha256 bytea NOT NULL,
        requests_per_hour int NOT NULL CHECK (requests_per_hour > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      );
    `,
  },
];

export interface Open311Client {
  readonly clientId: string;
  readonly name: string;
  readonly requestsPerHour: number;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

interface ClientRow {
  client_id: string;
  name: string;
  secret_sha256: Uint8Array;
  requests_per_hour: number;
  created_at: Date | string;
  revoked_at: Date | string | null;
}

const KEY_PATTERN = /^o311_([a-z0-9]{16})_([A-Za-z0-9_-]{43})$/;
const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();
const isoOf = (value: Date | string): string => new Date(value).toISOString();

const clientOf = (row: ClientRow): Open311Client => ({
  clientId: row.client_id,
  name: row.name,
  requestsPerHour: row.requests_per_hour,
  createdAt: isoOf(row.created_at),
  ...(row.revoked_at === null ? {} : { revokedAt: isoOf(row.revoked_at) }),
});

export class Open311ApiKeys {
  private constructor(
    private readonly client: SqlClient,
    private readonly table: string,
  ) {}

  static async open(client: SqlClient, schema: string): Promise<Open311ApiKeys> {
    await migrate(client, checkSchemaName(schema), 'open311_clients', migrations);
    return new Open311ApiKeys(client, `${schema}.open311_clients`);
  }

  /** Registers a client app; the key is returned once and never stored. */
  async issue(name: string, requestsPerHour: number): Promise<{ readonly client: Open311Client; readonly apiKey: string }> {
    const clientId = randomBytes(10).toString('hex').slice(0, 16);
    const secret = randomBytes(32).toString('base64url');
    const [row] = await this.client.query<ClientRow>(
      `INSERT INTO ${this.table} (client_id, name, secret_sha256, requests_per_hour) VALUES ($1, $2, $3, $4) RETURNING *`,
      [clientId, name, sha256(secret), requestsPerHour],
    );
    return { client: clientOf(row!), apiKey: `o311_${clientId}_${secret}` };
  }

  /** The client a key belongs to; undefined for a malformed, unknown, wrong or revoked key (one answer for all). */
  async verify(apiKey: string): Promise<Open311Client | undefined> {
    const match = KEY_PATTERN.exec(apiKey);
    if (!match) return undefined;
    const [row] = await this.client.query<ClientRow>(`SELECT * FROM ${this.table} WHERE client_id = $1 AND revoked_at IS NULL`, [match[1]]);
    if (!row) return undefined;
    return timingSafeEqual(Buffer.from(row.secret_sha256), sha256(match[2]!)) ? clientOf(row) : undefined;
  }

  async list(): Promise<Open311Client[]> {
    return (await this.client.query<ClientRow>(`SELECT * FROM ${this.table} ORDER BY created_at, client_id`)).map(clientOf);
  }

  /** True when a key was revoked now; false when none is active under that id. */
  async revoke(clientId: string): Promise<boolean> {
    const rows = await this.client.query<ClientRow>(`UPDATE ${this.table} SET revoked_at = now() WHERE client_id = $1 AND revoked_at IS NULL RETURNING *`, [clientId]);
    return rows.length > 0;
  }
}
