import type { z } from 'zod';

/**
 * Who may call a route, as the OpenAPI document states it:
 * `none` ignores any token; `bearer` needs one; `optional` works without one and reads
 * more with one (a bad token is still a 401, never a quiet downgrade to public).
 */
export type RouteAuth = 'none' | 'bearer' | 'optional';

export const JSON_CONTENT = 'application/json';
export const CSV_CONTENT = 'text/csv';

/** One documented answer: its body schema (omitted: no body) and media type. */
export interface ResponseDescription {
  readonly description: string;
  readonly body?: z.ZodType;
  /** Default application/json; problem+json for problem documents; text/csv for exports; several for a file of one of them (one schema). */
  readonly contentType?: string | readonly string[];
}

/** The inputs of a route. Params, query and headers are objects of named fields (each becomes an OpenAPI parameter). */
export interface RequestDescription {
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  /** Lower-case header names. Only the named headers are read and validated; others are ignored. */
  readonly headers?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Default application/json; Open311's POST is application/x-www-form-urlencoded. */
  readonly bodyContentType?: string;
}

/**
 * What the OpenAPI document says about one route. The zod schemas are the same objects
 * the route validates with (see describedRoute.ts), so the document cannot drift from the code.
 */
export interface RouteDescription {
  readonly method: 'get' | 'post';
  /** OpenAPI template, e.g. `/api/public/complaints/{trackingId}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  /** The audience (public, reporter, agency, oversight, commands): groups operations in the docs. */
  readonly tag: string;
  readonly auth: RouteAuth;
  readonly request?: RequestDescription;
  readonly responses: Readonly<Record<number, ResponseDescription>>;
}

/** `/api/x/{id}` -> `/api/x/:id`, the express spelling of a path template. */
export const expressPathOf = (openApiPath: string): string => openApiPath.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, ':$1');
