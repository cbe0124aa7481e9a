import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventRegistry } from '../eventstore/eventRegistry';
import { createEsdbEventStore } from '../eventstore/esdb/esdbEventStore';
import type { EventStore } from '../eventstore/port';
import { createPgSqlClient } from '../eventstore/postgres/pgSqlClient';
import { createPGliteSqlClient, openPGlite } from '../eventstore/postgres/pgliteSqlClient';
import { PostgresEventStore } from '../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../eventstore/postgres/sqlClient';
import { PersonalDataVault } from '../eventstore/vault/personalDataVault';
import type { Config } from './config';
import { accessCodePepper } from '../commands/accessCodeHash';
import { contactIndexKey } from '../commands/reporter/contactBlindIndex';
import { resolveMasterKey } from './masterKey';

/** The write side's storage: the ledger, and the SQL database that holds the vault keys. */
export interface Ledger {
  readonly store: EventStore;
  readonly vault: PersonalDataVault;
  /** PostgreSQL or embedded PGlite: vault keys, idempotency records, rate limits, read models. */
  readonly sql: SqlClient;
  readonly description: string;
  /** Keys the receipt access-code hashes; derived from the vault master key, so never stored in the database. */
  readonly accessCodePepper: Buffer;
  /** Keys the blind index of reporter contacts; derived from the vault master key too. */
  readonly contactIndexKey: Buffer;
  close(): Promise<void>;
}

const isPostgres = (url: string | undefined): url is string => url !== undefined && /^postgres(ql)?:\/\//.test(url);

/**
 * Opens what the configuration names. The ledger is EventStoreDB or PostgreSQL by
 * EVENTSTORE_URL, else embedded PGlite. The SQL database (vault keys must be deletable,
 * so they never live in EventStoreDB) is the ledger's own when the ledger is PostgreSQL,
 * else READ_STORE_URL when that is PostgreSQL, else embedded PGlite.
 */
export async function openLedger(config: Config, registry: EventRegistry): Promise<Ledger> {
  const sqlUrl = isPostgres(config.EVENTSTORE_URL) ? config.EVENTSTORE_URL : isPostgres(config.READ_STORE_URL) ? config.READ_STORE_URL : undefined;
  const sql = sqlUrl ? createPgSqlClient({ connectionString: sqlUrl }) : createPGliteSqlClient(await openPGlite(embeddedDirectory(config.DATA_DIR)));
  const schema = config.DATABASE_SCHEMA;
  try {
    const masterKey = resolveMasterKey(config.VAULT_MASTER_KEY, config.DATA_DIR);
    const vault = await PersonalDataVault.open(sql, schema, masterKey);
    const esdbUrl = config.EVENTSTORE_URL !== undefined && !isPostgres(config.EVENTSTORE_URL) ? config.EVENTSTORE_URL : undefined;
    const store: EventStore = esdbUrl
      ? createEsdbEventStore({ connectionString: esdbUrl, registry })
      : await PostgresEventStore.open({ client: sql, schema, registry });
    const sqlDescription = sqlUrl ? `PostgreSQL (schema ${schema})` : `embedded PGlite in ${join(config.DATA_DIR, 'pglite')}`;
    return {
      store,
      vault,
      sql,
      accessCodePepper: accessCodePepper(masterKey),
      contactIndexKey: contactIndexKey(masterKey),
      description: esdbUrl ? `EventStoreDB, vault and state in ${sqlDescription}` : sqlDescription,
      async close() {
        await store.close();
        await sql.close();
      },
    };
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
}

function embeddedDirectory(dataDir: string): string {
  const directory = join(dataDir, 'pglite');
  mkdirSync(directory, { recursive: true });
  return directory;
}
