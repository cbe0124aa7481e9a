import type { Response } from 'express';
import type { HttpResult } from './httpResult';

export function sendResult(res: Response, result: HttpResult): void {
  res.status(result.status);
  for (const [name, value] of Object.entries(result.headers)) res.setHeader(name, value);
  // res.json would overwrite a problem+json content type.
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json; charset=utf-8');
  res.send(JSON.stringify(result.body));
}
