import { agencyRegistry } from '../domain/routing';
import { createReadApi } from '../read-api/readApi';
import { reporterReceipts } from '../read-api/reporter/reporterDocument';
import { createAttachmentSide } from './attachments';
import { acceptedTokensFromConfig } from './auth/reporterTokensFromConfig';
import { tokenSettingsFromConfig } from './auth/tokenSettingsFromConfig';
import { channelSettings } from './channelSettings';
import { signInPorts } from './signInPorts';
import { createCommandSide } from './commandSide';
import { ConfigError, loadConfig } from './config';
import { bearerAuthenticator } from './http/authenticate';
import { createApp } from './http/createApp';
import { openLedger } from './ledger';
import { ledgerEventRegistry } from './ledgerEventRegistry';
import { createLogger } from './logger';
import { accessCodeHashes } from '../commands/accessCodeHash';
import { startBackgroundTasks } from './backgroundTasks';
import { drainOnSignals } from './gracefulShutdown';
import { startReadModels } from './readModels';
import { createOpen311Side } from '../open311/open311Side';
import { createPortalSide } from './portalSide';

/** `npm start`: the whole system on one process, embedded unless configured otherwise. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const ledger = await openLedger(config, ledgerEventRegistry);
  const tokens = tokenSettingsFromConfig(config);
  const readModels = await startReadModels(ledger, config, logger);
  const { verifyToken, reporterTokens } = acceptedTokensFromConfig(config, tokens.settings);
  const accessCodes = accessCodeHashes(ledger.accessCodePepper);
  const commandSide = await createCommandSide({
    ...ledger,
    schema: config.DATABASE_SCHEMA,
    verifyToken,
    accessCodes,
    channels: channelSettings(config, logger, readModels.store),
    findReceipt: reporterReceipts(readModels.store),
    readModel: readModels.store,
    reporterSignIn: { ...signInPorts(config, logger), tokens: reporterTokens, logger },
    ...(config.INTAKE_RATE_PER_HOUR > 0
      ? { rateLimits: { intakePerHour: config.INTAKE_RATE_PER_HOUR, accessCodeTriesPerHour: config.ACCESS_CODE_TRIES_PER_HOUR, ...(config.SIGN_IN_RATE_PER_HOUR > 0 ? { signInPerHour: config.SIGN_IN_RATE_PER_HOUR } : {}) } }
      : {}),
  });
  const open311 = await createOpen311Side({
    sql: ledger.sql,
    schema: config.DATABASE_SCHEMA,
    handle: commandSide.handle,
    store: ledger.store,
    vault: ledger.vault,
    accessCodes,
    reader: readModels.store,
    agencies: agencyRegistry,
    defaultRegionCode: config.GATEWAY_REGION_CODE,
    ...(config.INTAKE_RATE_PER_HOUR > 0 ? { intakePerHour: config.INTAKE_RATE_PER_HOUR } : {}),
    clock: () => new Date(),
    logger,
  });
  const attachments = await createAttachmentSide(config, { sql: ledger.sql, schema: config.DATABASE_SCHEMA, ...(commandSide.rateLimits ? { rateLimits: commandSide.rateLimits } : {}) });
  const background = startBackgroundTasks({ config, logger, store: ledger.store, reader: readModels.store, commandSide, attachments });
  let drain: { isDraining(): boolean } | undefined;
  const portal = createPortalSide({ config, tokens, verifyToken, agencies: agencyRegistry, logger });
  const app = createApp({
    logger,
    trustProxy: config.TRUST_PROXY,
    // The portal's forms are url-encoded: it comes before the JSON-only body parser.
    formRouters: [open311.router, attachments.uploadRouter, portal.router],
    routers: [
      attachments.referenceCheck,
      commandSide.router,
      createReadApi({ reader: readModels.store, authenticate: bearerAuthenticator(verifyToken), agencies: agencyRegistry, accessCodes, staff: { ledger: ledger.store, clock: () => new Date() }, attachments: attachments.store }).router,
    ],
    projectionStatus: async () => (await readModels.status()).lag,
    async checkReadiness() {
      if (drain?.isDraining()) return { ready: false, detail: { draining: true } };
      await ledger.sql.query('SELECT 1');
      const status = await readModels.status();
      return { ready: readModels.isReady(status), detail: { ledger: ledger.description, projections: status.lag, health: status.health } };
    },
  });
  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    portal.listeningOn(port);
    const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
    console.log(`LAPOR ledger listening on ${url} (ledger: ${ledger.description})`);
    console.log(`web portal: ${url}/ (staff: ${url}/staff/sign-in${tokens.devKey === undefined ? '' : ', with a development login'}); API docs: ${url}/api/docs`);
    if (tokens.devKey !== undefined) {
      console.log(`development tokens (key ${tokens.devKey.file}): npm run cli -- token --role admin   (or --role agency_officer --agency <id>, --role reporter --sub <id>)`);
    }
  });
  drain = drainOnSignals(server, {
    graceMs: config.SHUTDOWN_GRACE_SECONDS * 1000,
    logger,
    async afterDrain() {
      await background.stop();
      await readModels.stop();
      await ledger.close();
    },
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
