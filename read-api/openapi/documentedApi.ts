import type { Router } from 'express';
import { z } from 'zod';
import { jsonResult } from '../../app/http/httpResult';
import { describedRoute, describedRouter, textResult, type DescribedRoute } from './describedRoute';
import { docsPage } from './docsPage';
import { openApiDocument, type OpenApiDocument } from './openApiDocument';
import { commonProblems } from './problemSchema';
import type { RouteDescription } from './routeDescription';

/** The document's own version (of the API contract, not of the package). */
export const API_VERSION = '0.1.0';

const DocumentBody = z.looseObject({ openapi: z.literal('3.1.0'), paths: z.record(z.string(), z.unknown()) });

/** `GET /api/openapi.json` and `GET /api/docs`: described like every other route, so the document lists them too. */
function documentRoutes(document: () => OpenApiDocument): DescribedRoute[] {
  let html: string | undefined;
  return [
    describedRoute(
      {
        method: 'get',
        path: '/api/openapi.json',
        operationId: 'openApiDocument',
        summary: 'This OpenAPI 3.1 document',
        tag: 'documentation',
        auth: 'none',
        responses: { 200: { description: 'The document', body: DocumentBody }, 500: commonProblems[500] },
      },
      async () => jsonResult(200, document()),
    ),
    describedRoute(
      {
        method: 'get',
        path: '/api/docs',
        operationId: 'apiDocs',
        summary: 'The document as a browsable page (static HTML, no scripts)',
        tag: 'documentation',
        auth: 'none',
        responses: { 200: { description: 'HTML page', body: z.string(), contentType: 'text/html' }, 500: commonProblems[500] },
      },
      async () => textResult(200, (html ??= docsPage(document())), 'text/html; charset=utf-8'),
    ),
  ];
}

export interface DocumentedApi {
  /** The described routes plus the document's own two, mounted. */
  readonly router: Router;
  readonly document: OpenApiDocument;
}

/**
 * Mounts described routes and builds the document from them and from routes mounted
 * elsewhere (`otherDescriptions`: the command routes).
 */
export function documentedApi(routes: readonly DescribedRoute[], otherDescriptions: readonly RouteDescription[]): DocumentedApi {
  let document: OpenApiDocument | undefined;
  const ownRoutes = documentRoutes(() => document!);
  const all = [...routes, ...ownRoutes];
  document = openApiDocument([...otherDescriptions, ...all.map((r) => r.description)], API_VERSION);
  return { router: describedRouter(all), document };
}
