import fc from 'fast-check';
import request from 'supertest';
import { validReport } from '../commands/http/apiHarness';
import { harnessForFile } from '../read-api/readApiHarness';

const { harness } = harnessForFile({ postgresSchemaPrefix: 'open311_fuzz' });
let apiKey: string;
const trackingIds: string[] = [];

beforeAll(async () => {
  apiKey = (await harness().open311Keys.issue('Fuzz', 1_000_000)).apiKey;
  for (const confidential of [false, true]) {
    const response = await request(harness().app).post('/api/complaints').send(validReport({ confidential }));
    trackingIds.push(response.body.trackingId as string);
  }
  await harness().project();
});

const open311Routes = (method: 'get' | 'post'): string[] =>
  Object.entries(harness().document.paths)
    .filter(([path, item]) => path.startsWith('/open311/') && item[method] !== undefined)
    .map(([path]) => path);

const name = fc.oneof(
  fc.constantFrom('service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'jurisdiction_id', 'api_key', 'lat', 'long', 'address_id', 'address_string', 'description', 'email', 'phone', 'first_name', 'media_url', 'attribute[kind]', 'attribute[incident_date]', 'attribute[anonymous]', 'attribute[title]', '__proto__'),
  fc.string({ maxLength: 12 }),
);
const value = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('infrastruktur', 'open', 'closed,open', '2025-03-01T00:00:00+07:00', '2024-01-01T00:00:00Z', '2025-03-01', '32.73', '99.99', '-6.9', '200', 'true', 'aspirasi', '\u0000', '%00', ',,,', 'http://x.id/a.jpg'),
);
const segment = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).map(encodeURIComponent), fc.constantFrom('%', '%E0%A4%A', '..', 'kesehatan', 'tracked'));

describe('fuzzed Open311 requests (PostgreSQL)', () => {
  test('no query, path or form gets a 5xx, and every answer conforms to the document', async () => {
    const gets = open311Routes('get');
    const posts = open311Routes('post');
    expect(gets.length).toBe(10);
    expect(posts.length).toBe(2);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...gets, ...posts), segment, fc.array(fc.tuple(name, value), { maxLength: 6 }), fc.boolean(), async (template, rawSegment, fields, withKey) => {
        const tracked = trackingIds[fields.length % trackingIds.length]!;
        const path = template.replace(/\{[^}]+\}/g, rawSegment === 'tracked' ? tracked : rawSegment);
        const form = new URLSearchParams(fields);
        let response;
        if (posts.includes(template)) {
          if (withKey) form.set('api_key', apiKey);
          response = await request(harness().app).post(path).type('form').send(form.toString());
        } else {
          const query = form.toString();
          response = await request(harness().app).get(query ? `${path}?${query}` : path);
        }
        if (response.status >= 500) throw new Error(`${response.status} for ${template} ${form.toString()}: ${response.text}`);
        harness().conformance.assertConforms(response);
      }),
      { numRuns: 300 },
    );
  });
});
