import express from 'express';
import { complaintEventRegistry } from '../domain/complaint';
import { ConfigError, loadConfig } from './config';
import { openLedger } from './ledger';

/** `npm start`: the whole system on one process, embedded unless configured otherwise. */
async function main(): Promise<void> {
  const config = loadConfig();
  const ledger = await openLedger(config, complaintEventRegistry);
  const app = express();
  app.disable('x-powered-by');
  app.get('/livez', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await ledger.sql.query('SELECT 1');
      res.json({ status: 'ready', ledger: ledger.description });
    } catch {
      res.status(503).json({ status: 'unavailable', ledger: ledger.description });
    }
  });
  const server = app.listen(config.PORT, config.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    console.log(`LAPOR ledger listening on http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port} (ledger: ${ledger.description})`);
  });
  const shutdown = (): void => {
    server.close(() => {
      void ledger.close().then(() => process.exit(0));
    });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
