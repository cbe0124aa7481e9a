import { Router } from 'express';

export interface Readiness {
  readonly ready: boolean;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** /livez: the process answers. /readyz: its dependencies answer too (503 otherwise). */
export function healthRoutes(checkReadiness: () => Promise<Readiness>): Router {
  const router = Router();
  router.get('/livez', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness().catch((): Readiness => ({ ready: false, detail: { error: 'readiness check failed' } }));
    res.status(readiness.ready ? 200 : 503).json({ status: readiness.ready ? 'ready' : 'unavailable', ...readiness.detail });
  });
  return router;
}
