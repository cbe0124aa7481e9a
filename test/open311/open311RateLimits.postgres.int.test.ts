import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createCommandSide } from '../../app/commandSide';
import { createApp } from '../../app/http/createApp';
import { createLogger } from '../../app/logger';
import { accessCodeHashes } from '../../commands/accessCodeHash';
import { complaintEventRegistry } from '../../domain/complaint';
import { agencyRegistry } from '../../domain/routing';
import { PostgresEventStore } from '../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { PersonalDataVault } from '../../eventstore/vault/personalDataVault';
import { createOpen311Side } from '../../open311/open311Side';
import { PostgresReadModelStore } from '../../projections/store/postgres/postgresReadModelStore';
import { collectionCatalog } from '../../projections/catalog';
import { createTestTokens } from '../app/auth/testTokens';
import { NOW, validReport } from '../commands/http/apiHarness';
import { connect, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';

const schema = uniqueSchema('open311_limits');
let sql: SqlClient;
let store: PostgresEventStore;
let app: Express;
let apiKey: string;

/** The web form and Open311 over one ledger, intake limited to 2 complaints per phone per hour. */
beforeAll(async () => {
  sql = connect();
  store = await PostgresEventStore.open({ client: sql, schema, registry: complaintEventRegistry });
  const vault = await PersonalDataVault.open(sql, schema, randomBytes(32));
  const accessCodes = accessCodeHashes(randomBytes(32));
  const clock = () => new Date(NOW);
  const commandSide = await createCommandSide({ store, vault, sql, schema, verifyToken: createTestTokens().verify, accessCodes, clock, rateLimits: { intakePerHour: 2, accessCodeTriesPerHour: 10 } });
  const open311 = await createOpen311Side({
    sql,
    schema,
    handle: commandSide.handle,
    store,
    vault,
    accessCodes,
    reader: await PostgresReadModelStore.open({ client: sql, schema, catalog: collectionCatalog }),
    agencies: agencyRegistry,
    intakePerHour: 2,
    defaultRegionCode: '31',
    clock,
    logger: createLogger('silent'),
  });
  apiKey = (await open311.apiKeys.issue('Aplikasi Warga', 100)).apiKey;
  app = createApp({ logger: createLogger('silent'), formRouters: [open311.router], routers: [commandSide.router], checkReadiness: async () => ({ ready: true, detail: {} }) });
});

afterAll(async () => {
  await store.close();
  await dropSchema(sql, schema);
  await sql.close();
});

const fileOn311 = (phone: string) =>
  request(app)
    .post('/open311/v2/requests.json')
    .type('form')
    .send({ api_key: apiKey, service_code: 'infrastruktur', address_id: '32.73', description: 'Jalan berlubang di depan pasar.', phone });

test("one phone's hourly allowance is shared by the web form and Open311, however the number is written", async () => {
  expect((await request(app).post('/api/complaints').send(validReport({ reporter: { name: 'Budi', phone: '081234567890' } }))).status).toBe(201);
  expect((await fileOn311('+62 812-3456-7890')).status).toBe(200);
  const refused = await fileOn311('6281234567890');
  expect(refused.status).toBe(429);
  expect(refused.body).toEqual([{ code: 429, description: expect.stringMatching(/^retry after \d+ s$/) }]);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  // Another phone, through the same client app, is not held back.
  expect((await fileOn311('081299998888')).status).toBe(200);
});
