import { migrate, type Migration } from '../../eventstore/postgres/migrate';
import { checkSchemaName, type SqlClient } from '../../eventstore/postgres/sqlClient';

const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'reporter contacts',
    sql: `
      -- Which account a phone number or e-mail address signs in to; blind_index is an HMAC
      -- of the normalised contact (see contactBlindIndex.ts), never the contact itself.
      CREATE TABLE $S.reporter_contacts (
        blind_index text PRIMARY KEY,
        reporter_id text NOT NULL
      );
    `,
  },
];

/** Blind-indexed contacts of reporter accounts (PostgreSQL or PGlite); one account per contact. */
export class ReporterContacts {
  private constructor(
    private readonly client: SqlClient,
    private readonly schema: string,
  ) {}

  static async open(client: SqlClient, schema: string): Promise<ReporterContacts> {
    await migrate(client, checkSchemaName(schema), 'reporter-contacts', migrations);
    return new ReporterContacts(client, schema);
  }

  /** Claims the contact for the account; false when another account holds it (a retry by the same account claims again). */
  async claim(blindIndex: string, reporterId: string): Promise<boolean> {
    await this.client.query(`INSERT INTO ${this.schema}.reporter_contacts (blind_index, reporter_id) VALUES ($1, $2) ON CONFLICT (blind_index) DO NOTHING`, [blindIndex, reporterId]);
    return (await this.accountOf(blindIndex)) === reporterId;
  }

  async accountOf(blindIndex: string): Promise<string | undefined> {
    const rows = await this.client.query<{ reporter_id: string }>(`SELECT reporter_id FROM ${this.schema}.reporter_contacts WHERE blind_index = $1`, [blindIndex]);
    return rows[0]?.reporter_id;
  }
}
