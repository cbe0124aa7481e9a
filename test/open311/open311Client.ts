import { XMLParser, XMLValidator } from 'fast-xml-parser';
import request, { type Response } from 'supertest';
import type { ReadApiHarness } from '../read-api/readApiHarness';

export const BASE = '/open311/v2';

/** Elements that are lists in the spec's XML: parsed as arrays even with one item. */
const LIST_ELEMENTS = new Set(['service', 'attribute', 'value', 'request', 'error', 'endpoint', 'format']);

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: false, htmlEntities: true, isArray: (name) => LIST_ELEMENTS.has(name) });

/** An XML answer parsed (after checking it is well-formed and declares UTF-8); element text stays text. */
export function parseXml(response: Response): Record<string, unknown> {
  expect(response.headers['content-type']).toMatch(/^text\/xml; charset=utf-8$/);
  expect(response.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const valid = XMLValidator.validate(response.text);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid)}\n${response.text.slice(0, 500)}`);
  return parser.parse(response.text) as Record<string, unknown>;
}

/** Requests to the Open311 endpoint, each answer checked against the OpenAPI document. */
export function open311Client(harness: () => ReadApiHarness) {
  const checked = (response: Response): Response => {
    harness().conformance.assertConforms(response);
    return response;
  };
  return {
    get: async (path: string) => checked(await request(harness().app).get(`${BASE}${path}`)),
    post: async (path: string, form: Record<string, string>, headers: Record<string, string> = {}) => {
      const call = request(harness().app).post(`${BASE}${path}`).type('form');
      for (const [name, value] of Object.entries(headers)) call.set(name, value);
      return checked(await call.send(form));
    },
  };
}

/** The one error of an errors document, in either format. */
export function theError(response: Response, format: 'json' | 'xml'): { code: number; description: string } {
  if (format === 'json') {
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toHaveLength(1);
    return response.body[0] as { code: number; description: string };
  }
  const errors = (parseXml(response).errors as { error: { code: string; description: string }[] }).error;
  expect(errors).toHaveLength(1);
  return { code: Number(errors[0]!.code), description: errors[0]!.description };
}
