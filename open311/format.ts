import type { Response } from 'express';
import { xmlDocument } from './xml';

/** The two formats of GeoReport v2, chosen by the resource's extension. */
export type Open311Format = 'json' | 'xml';
export const OPEN311_FORMATS: readonly Open311Format[] = ['json', 'xml'];

export const OPEN311_CONTENT_TYPES: Readonly<Record<Open311Format, string>> = { json: 'application/json', xml: 'text/xml' };

/** The element names of each list in the XML form; the JSON form is the list itself. */
const XML_ITEM_NAMES: Readonly<Record<string, string>> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
};

/** One answer in the format asked for: `root` names the XML document's root element. */
export interface Open311Answer {
  readonly status: number;
  readonly root: string;
  /** JSON data: sent as it is, or as XML elements. */
  readonly body: unknown;
}

export function sendOpen311(res: Response, format: Open311Format, answer: Open311Answer): void {
  res.status(answer.status).setHeader('content-type', `${OPEN311_CONTENT_TYPES[format]}; charset=utf-8`);
  res.send(format === 'json' ? JSON.stringify(answer.body) : xmlDocument(answer.root, answer.body, XML_ITEM_NAMES));
}
