import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import type { Response as SuperagentResponse } from 'superagent';
import type { Response } from 'supertest';
import type { OpenApiDocument, OpenApiOperation } from '../../read-api/openapi/openApiDocument';

/** A path template as a pattern: `{name}` is one non-empty segment. */
const templatePattern = (template: string): RegExp =>
  new RegExp(`^${template.split(/\{[A-Za-z][A-Za-z0-9]*\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('[^/]+')}$`);

/** The path as sent (URL parsing would resolve `..` segments the server never saw resolved). */
export const requestPathOf = (response: Response): string => response.request.url.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0]!;

const mediaTypeOf = (contentType: string | undefined): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** A file (an attachment): neither JSON nor text. */
const isBinary = (mediaType: string): boolean => !mediaType.endsWith('json') && !mediaType.startsWith('text/');

/**
 * The body's bytes: supertest keeps `text` for JSON and text types and a Buffer `body` for images;
 * a test that buffers every answer itself (the leak test) has a Buffer body and no text.
 */
export function bodyBytesOf(response: Response): Buffer | undefined {
  const body: unknown = response.body;
  if (Buffer.isBuffer(body)) return body;
  return typeof response.text === 'string' ? Buffer.from(response.text, 'utf8') : undefined;
}

/** A supertest parser that keeps every answer as bytes in `body` (use with `.buffer(true).parse(asBytes)`). */
export function asBytes(res: SuperagentResponse, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** A binary body is documented as `{type: string, format: binary}`: it must be there, non-empty, as long as Content-Length says. */
function binaryViolation(response: Response, schema: object): string | undefined {
  const documented = schema as { type?: unknown; format?: unknown };
  if (documented.type !== 'string' || documented.format !== 'binary') return `a file is answered but the schema is not {type: string, format: binary}: ${JSON.stringify(schema)}`;
  const bytes = bodyBytesOf(response);
  if (bytes === undefined || bytes.length === 0) return 'the file is empty or was not received (buffer the response)';
  const declared = response.headers['content-length'];
  if (declared !== undefined && Number(declared) !== bytes.length) return `Content-Length ${declared} but ${bytes.length} bytes`;
  return undefined;
}

export interface Conformance {
  /** The operation a request hit: the literal path wins over a template (`/x/dispose` over `/x/{action}`). */
  operationFor(method: string, path: string): { readonly template: string; readonly operation: OpenApiOperation } | undefined;
  /** Throws, naming the route and every violation, unless the response is one the document allows. */
  assertConforms(response: Response): void;
}

/**
 * Checks answers against the OpenAPI document itself (not against the zod schemas it was
 * generated from), so a wrong document fails as surely as a wrong answer: the status must be
 * listed for the operation, the media type must be the documented one, and the body must
 * validate against its JSON Schema. Formats are not checked: zod writes a `pattern` beside
 * each `format`, and ajv's formats would need another package.
 */
export function openApiConformance(document: OpenApiDocument): Conformance {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const validators = new Map<string, ValidateFunction>();
  const templates = Object.keys(document.paths)
    .map((template) => ({ template, pattern: templatePattern(template), literal: !template.includes('{') }))
    .sort((a, b) => Number(b.literal) - Number(a.literal));

  const operationFor: Conformance['operationFor'] = (method, path) => {
    for (const { template, pattern } of templates) {
      const operation = pattern.test(path) ? document.paths[template]?.[method.toLowerCase()] : undefined;
      if (operation) return { template, operation };
    }
    return undefined;
  };

  const validatorFor = (key: string, schema: object): ValidateFunction => {
    let validate = validators.get(key);
    if (!validate) validators.set(key, (validate = ajv.compile(schema)));
    return validate;
  };

  return {
    operationFor,
    assertConforms(response) {
      const { method } = response.request;
      const path = requestPathOf(response);
      const found = operationFor(method, path);
      const route = `${method} ${path}`;
      if (!found) throw new Error(`${route}: no operation in the OpenAPI document`);
      const documented = found.operation.responses[String(response.status)];
      if (!documented) throw new Error(`${route} (${found.template}): status ${response.status} is not documented (${Object.keys(found.operation.responses).join(', ')})`);
      const mediaType = mediaTypeOf(response.headers['content-type']);
      const content = documented.content;
      const bytes = bodyBytesOf(response);
      if (content === undefined) {
        if (bytes !== undefined && bytes.length > 0) throw new Error(`${route}: status ${response.status} is documented without a body, got ${mediaType}`);
        return;
      }
      const entry = content[mediaType];
      if (!entry) throw new Error(`${route}: status ${response.status} answered ${mediaType || 'no content type'}; documented: ${Object.keys(content).join(', ')}`);
      if (isBinary(mediaType)) {
        const violation = binaryViolation(response, entry.schema);
        if (violation !== undefined) throw new Error(`${route}: ${response.status} ${mediaType}: ${violation}`);
        return;
      }
      const text = bytes?.toString('utf8') ?? '';
      const body: unknown = mediaType.endsWith('json') ? JSON.parse(text) : text;
      const validate = validatorFor(`${found.template} ${method} ${response.status} ${mediaType}`, entry.schema);
      if (!validate(body)) {
        throw new Error(`${route}: ${response.status} body does not conform: ${ajv.errorsText(validate.errors, { separator: '; ' })}\n${text.slice(0, 2000)}`);
      }
    },
  };
}
