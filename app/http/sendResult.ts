import type { Response } from 'express';
import type { HttpResult } from './httpResult';

/**
 * Writes a JSON result. The body is serialised here and written with its length directly:
 * express's `res.send` would re-inspect a string we already typed (content type, charset,
 * ETag, freshness), work that is a visible share of every command's CPU. HEAD, 204 and 304
 * answers carry no body, and `res.send` knows those rules, so they still go through it.
 */
export function sendResult(res: Response, result: HttpResult): void {
  res.status(result.status);
  for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
  const json = JSON.stringify(result.body);
  if (res.req.method === 'HEAD' || result.status === 204 || result.status === 304) {
    res.send(json);
    return;
  }
  res.setHeader('content-length', Buffer.byteLength(json));
  res.end(json);
}
