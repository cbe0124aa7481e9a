import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { complaintEventRegistry } from '../../domain/complaint';
import type { EventRegistry } from '../../eventstore/eventRegistry';
import type { NewEvent } from '../../eventstore/port';
import { PostgresEventStore } from '../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { PersonalDataVault } from '../../eventstore/vault/personalDataVault';
import { collectionCatalogOf } from '../../projections/catalog';
import type { Projection } from '../../projections/projection';
import { PostgresReadModelStore } from '../../projections/store/postgres/postgresReadModelStore';
import type { ProjectionSuiteSetup } from './projectionSuite';

/** Accepts anything under complaint event names: how a poison event gets into a test ledger. */
const uncheckedRegistry: EventRegistry = Object.fromEntries(Object.keys(complaintEventRegistry).map((type) => [type, { version: 1, schema: z.unknown() }]));

export interface SqlLedger extends ProjectionSuiteSetup {
  readonly masterKey: Buffer;
  close(): Promise<void>;
}

/** The ledger, the vault and the read models in one schema of one SQL database. */
export async function openSqlLedger(client: SqlClient, schema: string): Promise<SqlLedger> {
  const masterKey = randomBytes(32);
  const events = await PostgresEventStore.open({ client, schema, registry: complaintEventRegistry, pollIntervalMs: 50 });
  const unchecked = await PostgresEventStore.open({ client, schema, registry: uncheckedRegistry });
  const vault = await PersonalDataVault.open(client, schema, masterKey);
  return {
    events,
    vault,
    masterKey,
    openStore: (projections: readonly Projection[]) => PostgresReadModelStore.open({ client, schema, catalog: collectionCatalogOf(projections) }),
    async appendUnchecked(streamId: string, batch: readonly NewEvent[]) {
      await unchecked.appendToStream(streamId, 'any', batch);
    },
    async close() {
      await events.close();
      await unchecked.close();
    },
  };
}
