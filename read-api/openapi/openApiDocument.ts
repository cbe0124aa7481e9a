import { z } from 'zod';
import { JSON_CONTENT, type RouteAuth, type RouteDescription } from './routeDescription';

/** A JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) as produced by zod. */
export type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components: { readonly securitySchemes: Record<string, unknown> };
}

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly description?: string;
  readonly schema: JsonSchema;
}

export interface OpenApiOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly security: readonly Record<string, readonly string[]>[];
  readonly parameters: readonly OpenApiParameter[];
  readonly requestBody?: { readonly required: boolean; readonly content: Record<string, { readonly schema: JsonSchema }> };
  readonly responses: Record<string, { readonly description: string; readonly content?: Record<string, { readonly schema: JsonSchema }> }>;
}

/**
 * zod 4's own JSON Schema output. Requests are described as clients send them (`input`:
 * defaults make a field optional), responses as the server writes them (`output`).
 * Refinements that JSON Schema cannot say (a registered agency id) are left to the server.
 */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const SECURITY: Readonly<Record<RouteAuth, readonly Record<string, readonly string[]>[]>> = {
  none: [],
  bearer: [{ bearer: [] }],
  optional: [{}, { bearer: [] }],
};

function parametersOf(schema: z.ZodObject | undefined, location: OpenApiParameter['in']): OpenApiParameter[] {
  if (schema === undefined) return [];
  const object = jsonSchemaOf(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...propertySchema } = property as JsonSchema & { description?: string };
    return {
      name,
      in: location,
      required: location === 'path' || (object.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: propertySchema,
    };
  });
}

function contentOf(body: z.ZodType, contentType: string | readonly string[]): Record<string, { readonly schema: JsonSchema }> {
  const schema = jsonSchemaOf(body, 'output');
  return Object.fromEntries((typeof contentType === 'string' ? [contentType] : contentType).map((type) => [type, { schema }]));
}

function operationOf(route: RouteDescription): OpenApiOperation {
  const request = route.request ?? {};
  const responses = Object.fromEntries(
    Object.entries(route.responses).map(([status, response]) => [
      status,
      {
        description: response.description,
        ...(response.body === undefined ? {} : { content: contentOf(response.body, response.contentType ?? JSON_CONTENT) }),
      },
    ]),
  );
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    tags: [route.tag],
    security: SECURITY[route.auth],
    parameters: [...parametersOf(request.params, 'path'), ...parametersOf(request.query, 'query'), ...parametersOf(request.headers, 'header')],
    ...(request.body === undefined ? {} : { requestBody: { required: true, content: { [request.bodyContentType ?? JSON_CONTENT]: { schema: jsonSchemaOf(request.body, 'input') } } } }),
    responses,
  };
}

/** The OpenAPI 3.1 document of the given routes; a method and path described twice is a programming error. */
export function openApiDocument(routes: readonly RouteDescription[], version: string): OpenApiDocument {
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  const operationIds = new Set<string>();
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    if (item[route.method] !== undefined) throw new Error(`${route.method.toUpperCase()} ${route.path} is described twice`);
    if (operationIds.has(route.operationId)) throw new Error(`operationId ${route.operationId} is used twice`);
    operationIds.add(route.operationId);
    item[route.method] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'LAPOR ledger API',
      version,
      description: 'Commands (the write side) and one read API per audience. Generated from the zod schemas the routes validate with.',
    },
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  };
}
