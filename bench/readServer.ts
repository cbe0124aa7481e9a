/**
 * The read API alone over an existing read model, as the child process of bench:read (the
 * load generator gets the other core). Logs at warn: one info line per request would
 * measure pino's stdout, not the API. Tells its parent the port it listens on.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier } from '../app/auth/tokenVerifier';
import { bearerAuthenticator } from '../app/http/authenticate';
import { createApp } from '../app/http/createApp';
import { createLogger } from '../app/logger';
import { accessCodeHashes } from '../commands/accessCodeHash';
import { agencyRegistry } from '../domain/routing';
import { createPgSqlClient } from '../eventstore/postgres/pgSqlClient';
import { collectionCatalog } from '../projections/catalog';
import { PostgresReadModelStore } from '../projections/store/postgres/postgresReadModelStore';
import { createReadApi } from '../read-api/readApi';

async function main(): Promise<void> {
  const [databaseUrl, schema] = [process.env.DATABASE_URL, process.env.BENCH_SCHEMA];
  if (!databaseUrl || !schema) throw new Error('DATABASE_URL and BENCH_SCHEMA are required');
  // Named after the schema: the bench finds this server's PostgreSQL backends by it (CPU per request).
  const client = createPgSqlClient({ connectionString: databaseUrl, maxConnections: 16, applicationName: schema });
  const reader = await PostgresReadModelStore.open({ client, schema, catalog: collectionCatalog });
  // Public routes read no token; a key of nobody's keeps the reporter routes honest.
  const verify = createTokenVerifier({ issuer: 'bench', audience: 'bench', algorithms: ['EdDSA'], key: { publicKey: generateKeyPairSync('ed25519').publicKey }, clockToleranceSeconds: 5 });
  // Reporter routes by access code are not measured: a pepper of nobody's keeps them honest.
  const readApi = createReadApi({ reader, authenticate: bearerAuthenticator(verify), agencies: agencyRegistry, accessCodes: accessCodeHashes(randomBytes(32)) });
  const app = createApp({ logger: createLogger('warn'), routers: [readApi.router], checkReadiness: async () => ({ ready: true, detail: {} }) });
  const server = app.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
  process.once('SIGTERM', () => server.close(() => void client.close().then(() => process.exit(0))));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
