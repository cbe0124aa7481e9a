import fc from 'fast-check';
import request from 'supertest';
import { apiClient } from '../commands/http/apiHarness';
import { AGENCY_B, staffFixtureOnPostgres } from './staffFixture';

/*
 * readQueryFuzz fuzzes every GET route with a reporter's token, which the staff routes turn
 * away before reading a store. Here the staff routes are fuzzed as the staff they serve, so
 * queries reach the read model: no input may give a 5xx, every answer conforms.
 */

const opened = staffFixtureOnPostgres('staff_fuzz');
const harness = () => opened().harness;

/** The agency and Ombudsman GET routes of the document. */
const staffRoutes = (): string[] =>
  Object.entries(harness().document.paths)
    .filter(([path, item]) => item.get !== undefined && (path.startsWith('/api/agencies/') || path.startsWith('/api/oversight/')))
    .map(([path]) => path);

// `wait` is left out: a long poll would only make the run slow; the feed suite tests it.
const parameterName = fc.oneof(
  fc.constantFrom('stage', 'status', 'overdue', 'cursor', 'limit', 'after', 'minDeclines', 'olderThanDays', '__proto__'),
  fc.string({ maxLength: 12 }).filter((name) => name !== 'wait'),
);

const cursorLike = fc
  .oneof(fc.jsonValue(), fc.tuple(fc.oneof(fc.string(), fc.double(), fc.integer()), fc.string({ unit: 'binary' })))
  .map((value) => Buffer.from(JSON.stringify(value) ?? 'null', 'utf8').toString('base64url'));

const parameterValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('true', 'false', 'resolution', 'agency_response', 'resolved', '\u0000', '%00', '1e309', '-1', '0', '00000000000000000000000000000000'),
  cursorLike,
);

describe('fuzzed staff queries (PostgreSQL), as the staff the routes serve', () => {
  test('no query or path gets a 5xx, and every answer conforms to the document', async () => {
    const routes = staffRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(8);
    const api = apiClient(harness());
    const callers = [await api.as.officer(AGENCY_B), await api.as.ombudsman()];
    const known = [encodeURIComponent(AGENCY_B), opened().fixture[0]!.id];
    const segment = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent), fc.constantFrom(...known, '%', '%00', '..'));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        segment,
        fc.array(fc.tuple(parameterName, parameterValue), { maxLength: 4 }),
        fc.constantFrom(...callers),
        async (template, rawSegment, parameters, authorization) => {
          const path = template.replace(/\{[^}]+\}/g, rawSegment);
          const query = new URLSearchParams(parameters).toString();
          const response = await request(harness().app).get(query ? `${path}?${query}` : path).set('authorization', authorization);
          if (response.status >= 500) throw new Error(`${response.status} for GET ${path}?${query}: ${response.text}`);
          harness().conformance.assertConforms(response);
        },
      ),
      { numRuns: 300 },
    );
  }, 300_000);
});
