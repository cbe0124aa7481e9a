import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import { createCommandSide, type CommandSideParts } from '../../app/commandSide';
import { bearerAuthenticator } from '../../app/http/authenticate';
import { createApp } from '../../app/http/createApp';
import { createLogger } from '../../app/logger';
import { accessCodeHashes } from '../../commands/accessCodeHash';
import { attachmentReferenceCheck } from '../../commands/attachments/http/attachmentReferenceCheck';
import { attachmentUploadRouter } from '../../commands/attachments/http/attachmentUploadRouter';
import type { AttachmentStore } from '../../commands/attachments/store/attachmentStore';
import { AttachmentUploads } from '../../commands/attachments/store/attachmentUploads';
import { diskAttachmentStore } from '../../commands/attachments/store/diskAttachmentStore';
import { ledgerEventRegistry } from '../../app/ledgerEventRegistry';
import { agencyRegistry } from '../../domain/routing';
import { PostgresEventStore } from '../../eventstore/postgres/postgresEventStore';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { createPGliteSqlClient, openPGlite } from '../../eventstore/postgres/pgliteSqlClient';
import { connect, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';
import { visibleEventCount } from '../eventstore/postgres/ledgerVisibility';
import { PersonalDataVault } from '../../eventstore/vault/personalDataVault';
import { allProjections, collectionCatalog } from '../../projections/catalog';
import { ProjectionRunner } from '../../projections/runner/projectionRunner';
import { PostgresReadModelStore } from '../../projections/store/postgres/postgresReadModelStore';
import type { OpenApiDocument } from '../../read-api/openapi/openApiDocument';
import { createReadApi } from '../../read-api/readApi';
import { reporterReceipts } from '../../read-api/reporter/reporterDocument';
import type { Open311ApiKeys } from '../../open311/apiKeys';
import { createOpen311Side } from '../../open311/open311Side';
import { createTestTokens } from '../app/auth/testTokens';
import { recordingChannels } from '../commands/channels/channelHarness';
import { createTestSignIn, type TestSignIn } from '../commands/reporter/signInTestParts';
import { NOW, type ApiHarness } from '../commands/http/apiHarness';
import { openApiConformance, type Conformance } from './openApiConformance';

/**
 * The whole API (commands and read side) over one ledger and its read models in one SQL
 * schema, as app/main.ts composes it. Complaints are made through the command routes
 * (`apiClient(harness)` from the command tests works on it), then `project()` brings every
 * read model to the head of the ledger.
 */
export interface ReadApiHarness extends ApiHarness {
  readonly document: OpenApiDocument;
  readonly conformance: Conformance;
  readonly readStore: PostgresReadModelStore;
  /** Issues api keys for the Open311 endpoint mounted at /open311/v2. */
  readonly open311Keys: Open311ApiKeys;
  /** Runs every projection to the head of the ledger. */
  project(): Promise<void>;
  /** Where uploaded attachments are stored (a fresh temporary directory, removed on close). */
  readonly attachmentDirectory: string;
  /** That directory as the API's attachment store, and the uploads it tracks for the sweep. */
  readonly attachments: AttachmentStore;
  readonly attachmentUploads: AttachmentUploads;
  /** Reporter sign-in: the codes sent and the reporter token issuer. */
  readonly signIn: TestSignIn;
}

/** The harness's upload limit: small, so that a test can exceed it cheaply. */
export const TEST_ATTACHMENT_MAX_BYTES = 64 * 1024;

/** `readNow`: the read side's clock (see openReadApiHarness); `rateLimits`: the command side's, none without; `commandClock`: the command side's (default NOW). */
export interface ReadApiHarnessOptions extends Pick<CommandSideParts, 'rateLimits'> {
  readonly readNow?: string;
  readonly commandClock?: () => Date;
}

/** `readNow`: the read side's clock (overdue flags, breaches, recorded identity reads); the command side decides at NOW. */
export async function openReadApiHarness(sql: SqlClient, schema: string, options: ReadApiHarnessOptions = {}): Promise<ReadApiHarness> {
  const store = await PostgresEventStore.open({ client: sql, schema, registry: ledgerEventRegistry });
  const vault = await PersonalDataVault.open(sql, schema, randomBytes(32));
  const readStore = await PostgresReadModelStore.open({ client: sql, schema, catalog: collectionCatalog });
  const runner = new ProjectionRunner({ events: store, store: readStore, personalData: vault }, { projections: allProjections });
  const tokens = createTestTokens();
  const signIn = createTestSignIn();
  const verifyToken = signIn.verifierWith(tokens.verify);
  const accessCodes = accessCodeHashes(randomBytes(32));
  // Both gateway channels on, so that their webhooks are mounted (and checked against the document) too.
  const commandSide = await createCommandSide({
    store,
    vault,
    sql,
    schema,
    verifyToken,
    accessCodes,
    contactIndexKey: randomBytes(32),
    clock: options.commandClock ?? (() => new Date(NOW)),
    reporterSignIn: signIn.parts,
    channels: recordingChannels().settings,
    findReceipt: reporterReceipts(readStore),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  });
  const staff = { ledger: store, clock: () => new Date(options.readNow ?? NOW) };
  const attachmentDirectory = mkdtempSync(join(tmpdir(), 'lapor-attachments-'));
  const attachments = diskAttachmentStore(attachmentDirectory);
  const attachmentUploads = await AttachmentUploads.open(sql, schema);
  const uploadClock = options.commandClock ?? (() => new Date(NOW));
  const readApi = createReadApi({ reader: readStore, authenticate: bearerAuthenticator(verifyToken), agencies: agencyRegistry, accessCodes, staff, attachments });
  const open311 = await createOpen311Side({
    sql,
    schema,
    handle: commandSide.handle,
    store,
    vault,
    accessCodes,
    reader: readStore,
    agencies: agencyRegistry,
    defaultRegionCode: '31',
    clock: () => new Date(NOW),
    logger: createLogger('silent'),
  });
  const app: Express = createApp({
    logger: createLogger('silent'),
    formRouters: [open311.router, attachmentUploadRouter({ store: attachments, uploads: attachmentUploads, clock: uploadClock, maxBytes: TEST_ATTACHMENT_MAX_BYTES })],
    routers: [attachmentReferenceCheck(attachments, attachmentUploads, uploadClock), commandSide.router, readApi.router],
    checkReadiness: async () => ({ ready: true, detail: {} }),
  });
  return {
    app,
    secondNode: app,
    store,
    vault,
    tokens,
    accessCodes,
    readStore,
    open311Keys: open311.apiKeys,
    document: readApi.document,
    conformance: openApiConformance(readApi.document),
    async project() {
      // Every append this test made has committed, but a gap-safe reader holds rows back while any
      // transaction on the shared cluster (another test file's) is still open: wait until all show.
      const [committed] = await sql.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.events`);
      const deadline = Date.now() + 30_000;
      while ((await visibleEventCount(store)) < Number(committed!.n) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await runner.catchUp();
      const failing = runner.health().filter((h) => h.lastError !== undefined);
      if (failing.length > 0) throw new Error(`projections failed: ${JSON.stringify(failing)}`);
    },
    attachmentDirectory,
    attachments,
    attachmentUploads,
    signIn,
    async close() {
      await store.close();
      rmSync(attachmentDirectory, { recursive: true, force: true });
    },
  };
}

export interface HarnessForFile {
  readonly harness: () => ReadApiHarness;
  readonly sql: () => SqlClient;
  /** The SQL schema everything lives in. */
  readonly schema: string;
}

/**
 * Opens a harness before the file's tests and closes it after: on the real PostgreSQL in a
 * schema of its own (dropped after), or on one in-memory PGlite (an instance takes seconds to start).
 */
export function harnessForFile(database: { readonly postgresSchemaPrefix: string } | 'pglite', options: ReadApiHarnessOptions = {}): HarnessForFile {
  const schema = database === 'pglite' ? 'lapor' : uniqueSchema(database.postgresSchemaPrefix);
  let sql: SqlClient | undefined;
  let harness: ReadApiHarness | undefined;
  beforeAll(async () => {
    sql = database === 'pglite' ? createPGliteSqlClient(await openPGlite()) : connect();
    harness = await openReadApiHarness(sql, schema, options);
  });
  afterAll(async () => {
    await harness?.close();
    if (sql !== undefined && database !== 'pglite') await dropSchema(sql, schema);
    await sql?.close();
  });
  return { harness: () => harness!, sql: () => sql!, schema };
}
