import { randomBytes, randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { createCommandSide, type CommandSideParts } from '../../../app/commandSide';
import { createApp } from '../../../app/http/createApp';
import { createLogger } from '../../../app/logger';
import type { TokenClaims } from '../../../app/auth/tokenClaims';
import { accessCodeHashes, type AccessCodes } from '../../../commands/accessCodeHash';
import { complaintStreamId } from '../../../commands/complaintStream';
import { ledgerEventRegistry } from '../../../app/ledgerEventRegistry';
import type { RecordedEvent } from '../../../eventstore/port';
import { PostgresEventStore } from '../../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { PersonalDataVault } from '../../../eventstore/vault/personalDataVault';
import { createTestTokens, type TestTokens } from '../../app/auth/testTokens';
import { connect, dropSchema, uniqueSchema } from '../../eventstore/postgres/testDatabase';

/** Monday 3 March 2025, 09:00 in Jakarta: decisions are taken at this instant. */
export const NOW = '2025-03-03T09:00:00+07:00';
export const AGENCY = 'pemkot-32.73';
export const UNIT = 'pemkot-32.73/dishub';
export const OTHER_AGENCY = 'kemenkes';

/** Two API nodes over one ledger, as in production behind a load balancer. */
export interface ApiHarness {
  readonly app: Express;
  readonly secondNode: Express;
  readonly store: PostgresEventStore;
  readonly vault: PersonalDataVault;
  readonly tokens: TestTokens;
  readonly accessCodes: AccessCodes;
  close(): Promise<void>;
}

/** `options`: the optional parts of the command side (gateway channels, rate limits) for suites that need them. */
export async function openApiHarness(sql: SqlClient, schema: string, options: Pick<CommandSideParts, 'channels' | 'rateLimits'> = {}): Promise<ApiHarness> {
  const store = await PostgresEventStore.open({ client: sql, schema, registry: ledgerEventRegistry });
  const vault = await PersonalDataVault.open(sql, schema, randomBytes(32));
  const tokens = createTestTokens();
  const accessCodes = accessCodeHashes(randomBytes(32));
  const contactIndexKey = randomBytes(32);
  const node = async (): Promise<Express> => {
    const side = await createCommandSide({ ...options, store, vault, sql, schema, verifyToken: tokens.verify, accessCodes, contactIndexKey, clock: () => new Date(NOW) });
    return createApp({ logger: createLogger('silent'), routers: [side.router], checkReadiness: async () => ({ ready: true, detail: {} }) });
  };
  return { app: await node(), secondNode: await node(), store, vault, tokens, accessCodes, close: () => store.close() };
}

export const validReport = (overrides: Record<string, unknown> = {}) => ({
  kind: 'pengaduan',
  title: 'Jalan berlubang di Jl. Soekarno-Hatta',
  chronology: 'Sejak Januari ada lubang besar di depan pasar; dua pengendara motor sudah jatuh.',
  incidentDate: '2025-02-20',
  regionCode: '32.73',
  category: 'infrastruktur',
  reporter: { name: 'Budi Santoso', phone: '081234567890', nik: '3273012345678901' },
  ...overrides,
});

/** Requests as the people of DESIGN.md, each with a fresh reporter account unless told. */
export function apiClient(harness: ApiHarness, app: Express = harness.app) {
  const bearer = async (claims: TokenClaims) => `Bearer ${await harness.tokens.token(claims)}`;
  const as = {
    admin: () => bearer({ sub: 'admin-1', role: 'admin' }),
    officer: (agency = AGENCY) => bearer({ sub: `officer-${agency}`, role: 'agency_officer', agency_id: agency }),
    reporter: (sub: string) => bearer({ sub, role: 'reporter' }),
    ombudsman: () => bearer({ sub: 'ombudsman-1', role: 'ombudsman' }),
  };
  async function file(reporterSub?: string, report: Record<string, unknown> = validReport()): Promise<string> {
    const post = request(app).post('/api/complaints');
    if (reporterSub !== undefined) post.set('authorization', await as.reporter(reporterSub));
    const response = await post.send(report);
    if (response.status !== 201) throw new Error(`filing failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  }
  function act(id: string, action: string, authorization: string | undefined, body?: unknown, headers: Record<string, string> = {}) {
    const post = request(app).post(`/api/complaints/${id}/${action}`);
    if (authorization !== undefined) post.set('authorization', authorization);
    for (const [name, value] of Object.entries(headers)) post.set(name, value);
    return body === undefined ? post : post.send(body as object);
  }
  async function expectOk(id: string, action: string, authorization: string, body?: unknown): Promise<void> {
    const response = await act(id, action, authorization, body);
    if (response.status !== 200) throw new Error(`${action} failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  type Stage = 'submitted' | 'disposed' | 'in_progress' | 'resolved';
  /** A complaint of a fresh reporter, brought to a stage through the API. */
  async function complaintAt(stage: Stage): Promise<{ id: string; reporter: string }> {
    const reporter = `acct-${randomUUID()}`;
    const id = await file(reporter);
    if (stage === 'submitted') return { id, reporter };
    await expectOk(id, 'dispose', await as.admin(), { agencyId: AGENCY });
    if (stage === 'disposed') return { id, reporter };
    await expectOk(id, 'accept', await as.officer(), { resolutionClass: 'medium' });
    if (stage === 'in_progress') return { id, reporter };
    await expectOk(id, 'resolve', await as.officer(), { summary: 'Lubang sudah ditambal.' });
    return { id, reporter };
  }
  const events = (id: string): Promise<RecordedEvent[]> => harness.store.readStream(complaintStreamId(id));
  return { as, file, act, complaintAt, events };
}

/**
 * One harness per test file on a PostgreSQL schema of its own: opened before the file's tests,
 * closed and dropped after them. A file with more setup adds its own beforeAll after this call.
 */
export function apiHarnessForFile(schemaPrefix: string, options: Pick<CommandSideParts, 'channels' | 'rateLimits'> = {}): { harness(): ApiHarness; sql(): SqlClient; readonly schema: string } {
  const schema = uniqueSchema(schemaPrefix);
  let sql: SqlClient | undefined;
  let harness: ApiHarness | undefined;
  beforeAll(async () => {
    sql = connect();
    harness = await openApiHarness(sql, schema, options);
  });
  afterAll(async () => {
    await harness?.close();
    if (sql !== undefined) await dropSchema(sql, schema);
    await sql?.close();
  });
  return { harness: () => harness!, sql: () => sql!, schema };
}
