import type { z } from 'zod';
import { ProblemSchema } from '../../read-api/openapi/problemSchema';

export type Problem = z.infer<typeof ProblemSchema>;

export type ApiAnswer<T> = { readonly ok: true; readonly status: number; readonly body: T } | { readonly ok: false; readonly status: number; readonly problem: Problem };

/** Who the portal calls on behalf of: the visitor's token or access code, and their address (for the API's rate limits). */
export interface Caller {
  readonly token?: string;
  readonly accessCode?: string;
  readonly clientAddress: string;
}

export interface PortalApi {
  get<S extends z.ZodType>(path: string, schema: S, caller: Caller): Promise<ApiAnswer<z.output<S>>>;
  post<S extends z.ZodType>(path: string, body: object, schema: S, caller: Caller, idempotencyKey?: string): Promise<ApiAnswer<z.output<S>>>;
  /** One file to `path` as multipart/form-data in the field `field`. */
  upload<S extends z.ZodType>(path: string, field: string, file: { readonly name: string; readonly bytes: Buffer }, schema: S, caller: Caller): Promise<ApiAnswer<z.output<S>>>;
}

/** The API failed in a way no visitor can fix (an answer that does not match its contract). */
export class PortalApiError extends Error {
  override readonly name = 'PortalApiError';
}

/**
 * The portal is a client of the JSON API, over loopback: every rule (validation,
 * authorisation, visibility, idempotency, rate limits) is enforced once, in the API, so
 * a page can never show more than its visitor could fetch themselves.
 */
export function portalApi(baseUrl: () => string): PortalApi {
  async function call<S extends z.ZodType>(method: 'GET' | 'POST', path: string, schema: S, caller: Caller, body?: object | FormData, idempotencyKey?: string): Promise<ApiAnswer<z.output<S>>> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-forwarded-for': caller.clientAddress };
    if (caller.token !== undefined) headers.authorization = `Bearer ${caller.token}`;
    if (caller.accessCode !== undefined) headers['x-access-code'] = caller.accessCode;
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    // FormData sets its own multipart content type with the boundary.
    if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
    const payload = body === undefined ? {} : { body: body instanceof FormData ? body : JSON.stringify(body) };
    const response = await fetch(`${baseUrl()}${path}`, { method, headers, ...payload });
    const json: unknown = await response.json();
    if (response.ok) {
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new PortalApiError(`${method} ${path}: the answer does not match its schema: ${parsed.error.message}`);
      return { ok: true, status: response.status, body: parsed.data };
    }
    const problem = ProblemSchema.safeParse(json);
    if (!problem.success) throw new PortalApiError(`${method} ${path}: ${response.status} without a problem document`);
    return { ok: false, status: response.status, problem: problem.data };
  }
  return {
    get: (path, schema, caller) => call('GET', path, schema, caller),
    post: (path, body, schema, caller, idempotencyKey) => call('POST', path, schema, caller, body, idempotencyKey),
    upload(path, field, file, schema, caller) {
      const form = new FormData();
      form.append(field, new Blob([file.bytes]), file.name);
      return call('POST', path, schema, caller, form);
    },
  };
}
