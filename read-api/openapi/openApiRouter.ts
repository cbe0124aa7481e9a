import { Router } from 'express';
import { docsPage } from './docsPage';
import type { OpenApiDocument } from './openApiDocument';

/** `GET /api/openapi.json` and `GET /api/docs`, both rendered once. */
export function openApiRouter(document: OpenApiDocument): Router {
  const json = JSON.stringify(document);
  const html = docsPage(document);
  const router = Router();
  router.get('/api/openapi.json', (_req, res) => {
    res.type('application/json').send(json);
  });
  router.get('/api/docs', (_req, res) => {
    res.type('text/html').send(html);
  });
  return router;
}
