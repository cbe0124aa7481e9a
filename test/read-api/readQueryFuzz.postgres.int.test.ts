import fc from 'fast-check';
import request from 'supertest';
import { apiClient, validReport } from '../commands/http/apiHarness';
import { harnessForFile } from './readApiHarness';

const { harness } = harnessForFile({ postgresSchemaPrefix: 'read_fuzz' });
let reporterToken: string;
const filed: { trackingId: string; accessCode: string }[] = [];

beforeAll(async () => {
  const api = apiClient(harness());
  reporterToken = await api.as.reporter('acct-fuzz');
  for (const confidential of [false, true]) {
    const response = await request(harness().app).post('/api/complaints').set('authorization', reporterToken).send(validReport({ confidential }));
    filed.push(response.body as { trackingId: string; accessCode: string });
  }
  await harness().project();
});

/** The read routes of the document, found there (part B's routes join in without editing this test). */
const readRoutes = (): string[] =>
  Object.entries(harness().document.paths)
    .filter(([path, item]) => item.get !== undefined && path.startsWith('/api/') && !path.startsWith('/api/openapi') && path !== '/api/docs')
    .map(([path]) => path);

/** What each known parameter may be, plus junk; names are the documented ones and random ones. */
const parameterName = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('q', 'category', 'region', 'agency', 'status', 'kind', 'from', 'to', 'cursor', 'limit', 'feed', '__proto__', 'constructor'),
    fc.string({ maxLength: 12 }),
  );

const cursorLike = fc
  .oneof(fc.jsonValue(), fc.tuple(fc.oneof(fc.string(), fc.double(), fc.integer()), fc.string({ unit: 'binary' })))
  .map((value) => Buffer.from(JSON.stringify(value) ?? 'null', 'utf8').toString('base64url'));

const parameterValue = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'NaN-NaN' : d.toISOString().slice(0, 10))),
  fc.constantFrom('32', '32.73', '32.73.01', '99.99', 'admin_queue', 'pemkot-32.73', 'submitted', 'pengaduan', '\u0000', '%00', '1e309', '-1', '0x10'),
  cursorLike,
);

/** A path segment as a client might send it: random text, percent-escapes (some broken), or a real tracking id. */
const segment = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom('%', '%E0%A4%A', '%00', '..', '0000000000000', 'AAAA-AAAA-AAAA-A'),
  fc.constant('tracked'),
);

const headerValue = fc.string({ unit: 'grapheme-ascii', maxLength: 80 }).filter((v) => !/[\r\n]/.test(v));

describe('fuzzed read queries (PostgreSQL)', () => {
  test('no query, path or access code gets a 5xx, and every answer conforms to the document', async () => {
    const routes = readRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(8);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        segment,
        fc.array(fc.tuple(parameterName(), parameterValue), { maxLength: 5 }),
        fc.option(headerValue, { nil: undefined }),
        fc.constantFrom('none', 'reporter', 'garbage'),
        async (template, rawSegment, parameters, accessCode, auth) => {
          const tracked = filed[parameters.length % filed.length]!.trackingId;
          const path = template.replace(/\{[^}]+\}/g, rawSegment === 'tracked' ? tracked : rawSegment);
          const query = new URLSearchParams(parameters).toString();
          const call = request(harness().app).get(query ? `${path}?${query}` : path);
          if (accessCode !== undefined) call.set('x-access-code', accessCode);
          if (auth === 'reporter') call.set('authorization', reporterToken);
          if (auth === 'garbage') call.set('authorization', 'Bearer abc.def.ghi');
          const response = await call;
          if (response.status >= 500) throw new Error(`${response.status} for GET ${path}?${query}: ${response.text}`);
          harness().conformance.assertConforms(response);
        },
      ),
      { numRuns: 400 },
    );
  });
});
