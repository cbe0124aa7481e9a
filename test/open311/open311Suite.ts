import request from 'supertest';
import { OVERSIGHT_PROJECTION, oversightComplaintsCollection } from '../../projections/oversight/oversightProjection';
import { AGENCY, apiClient, validReport } from '../commands/http/apiHarness';
import type { ReadApiHarness } from '../read-api/readApiHarness';
import { open311Client, parseXml, theError } from './open311Client';

/** A W3C datetime in Jakarta time, as every datetime of the endpoint is written. */
const W3C_JAKARTA = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;
const SECRET_TITLE = 'Pungli rahasiaopen311 di kelurahan';
const NAMES_AND_CONTACTS = ['Budi Santoso', '081234567890', '3273012345678901', 'Nama Asli Pelapor', 'asli@contoh.id', 'Rina', 'Wijaya', 'rina@contoh.id', '0811223344'];
const FORMATS = ['json', 'xml'] as const;

interface Filed {
  readonly id: string;
  readonly trackingId: string;
}

/**
 * GeoReport v2 conformance of /open311/v2 (both formats, parsed), its visibility rules, and
 * a round trip: filed through Open311, seen on the public API and in the admin queue,
 * closed for Open311 once the agency resolves it.
 */
export function open311Suite(label: string, harness: () => ReadApiHarness): void {
  const client = open311Client(harness);
  let apiKey: string;
  let publicOne: Filed;
  let confidential: Filed;
  let anonymous: Filed;

  async function fileOnWeb(report: Record<string, unknown>): Promise<Filed> {
    const response = await request(harness().app).post('/api/complaints').send(report);
    if (response.status !== 201) throw new Error(`filing failed: ${response.status} ${response.text}`);
    return response.body as Filed;
  }

  const validForm = (more: Record<string, string> = {}): Record<string, string> => ({
    api_key: apiKey,
    service_code: 'infrastruktur',
    address_id: '32.73',
    description: 'Lampu jalan di Jl. Dago mati sejak sepekan; jalan gelap dan rawan.',
    ...more,
  });

  async function fileOn311(form: Record<string, string>, headers: Record<string, string> = {}): Promise<string> {
    const response = await client.post('/requests.json', form, headers);
    if (response.status !== 200) throw new Error(`open311 filing failed: ${response.status} ${response.text}`);
    return (response.body as { service_request_id: string }[])[0]!.service_request_id;
  }

  beforeAll(async () => {
    apiKey = (await harness().open311Keys.issue('Aplikasi Warga', 1000)).apiKey;
    publicOne = await fileOnWeb(validReport());
    confidential = await fileOnWeb(validReport({ title: SECRET_TITLE, confidential: true, reporter: { name: 'Siti Rahma', email: 'siti@contoh.id' } }));
    anonymous = await fileOnWeb(validReport({ category: 'kesehatan', regionCode: '31.71', anonymous: true, reporter: { name: 'Nama Asli Pelapor', email: 'asli@contoh.id' } }));
    await harness().project();
  });

  describe(`${label}: discovery and services`, () => {
    test.each(FORMATS)('discovery.%s names one production GeoReport v2 endpoint and both formats', async (format) => {
      const response = await client.get(`/discovery.${format}`);
      expect(response.status).toBe(200);
      const discovery = (format === 'json' ? response.body : parseXml(response).discovery) as Record<string, unknown>;
      expect(discovery.changeset).toMatch(W3C_JAKARTA);
      const endpoints = format === 'json' ? (discovery.endpoints as Record<string, unknown>[]) : (discovery.endpoints as { endpoint: Record<string, unknown>[] }).endpoint;
      expect(endpoints).toHaveLength(1);
      expect(endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production' });
      expect(String(endpoints[0]!.url)).toMatch(/\/open311\/v2$/);
      const formats = format === 'json' ? endpoints[0]!.formats : (endpoints[0]!.formats as { format: string[] }).format;
      expect(formats).toEqual(['application/json', 'text/xml']);
    });

    test.each(FORMATS)('services.%s lists every complaint category as a service with the required fields', async (format) => {
      const response = await client.get(`/services.${format}`);
      expect(response.status).toBe(200);
      const services = (format === 'json' ? response.body : (parseXml(response).services as { service: unknown[] }).service) as Record<string, unknown>[];
      expect(services).toHaveLength(38);
      for (const service of services) {
        expect(Object.keys(service).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
        expect(String(service.metadata)).toBe('true');
        expect(service.type).toBe('realtime');
        expect(String(service.group).length).toBeGreaterThan(0);
      }
      expect(services.find((s) => s.service_code === 'infrastruktur')).toMatchObject({ service_name: 'Infrastruktur (Jalan, Jembatan, Drainase)', group: 'Infrastruktur dan Lingkungan' });
      expect(String(services.find((s) => s.service_code === 'infrastruktur')!.keywords).split(',')).toEqual(expect.arrayContaining(['jalan', 'roads', 'infrastruktur']));
    });

    test.each(FORMATS)('services/{code}.%s defines the attributes; an unknown code is a 404 errors document', async (format) => {
      const response = await client.get(`/services/kesehatan.${format}`);
      expect(response.status).toBe(200);
      const definition = (format === 'json' ? response.body : parseXml(response).service_definition) as Record<string, unknown>;
      expect(definition.service_code).toBe('kesehatan');
      const attributes = (format === 'json' ? definition.attributes : (definition.attributes as { attribute: unknown[] }).attribute) as Record<string, unknown>[];
      expect(attributes.map((a) => a.code)).toEqual(['kind', 'title', 'incident_date', 'anonymous']);
      for (const attribute of attributes) {
        expect(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']).toContain(attribute.datatype);
        expect(String(attribute.variable)).toBe('true');
        expect(String(attribute.required)).toBe('false');
      }
      const kind = attributes[0]!;
      const values = (format === 'json' ? kind.values : (kind.values as { value: unknown[] }).value) as { key: string }[];
      expect(values.map((v) => v.key)).toEqual(['pengaduan', 'aspirasi', 'permintaan_informasi']);

      const unknown = await client.get(`/services/jalan-rusak-sekali.${format}`);
      expect(unknown.status).toBe(404);
      expect(theError(unknown, format)).toMatchObject({ code: 404 });
    });

    test('an unknown query parameter is a 400 errors document, in the format asked for', async () => {
      const json = await client.get('/services.json?colour=red');
      expect(json.status).toBe(400);
      expect(theError(json, 'json').description).toContain('colour');
      const xml = await client.get('/services.xml?colour=red');
      expect(theError(xml, 'xml')).toEqual({ code: 400, description: 'query.colour: unknown field' });
    });
  });

  describe(`${label}: POST requests`, () => {
    test.each(FORMATS)('requests.%s without an api_key, or with a wrong or revoked one, is a 403', async (format) => {
      const { api_key: _, ...withoutKey } = validForm();
      const revoked = await harness().open311Keys.issue('Aplikasi Lama', 10);
      await harness().open311Keys.revoke(revoked.client.clientId);
      for (const form of [withoutKey, validForm({ api_key: `${apiKey.slice(0, -1)}x` }), validForm({ api_key: 'o311_x' }), validForm({ api_key: revoked.apiKey })]) {
        const response = await client.post(`/requests.${format}`, form);
        expect(response.status).toBe(403);
        expect(theError(response, format).code).toBe(403);
      }
    });

    test.each(FORMATS)('requests.%s: a missing service, no location, or a description over 4,000 characters is a 400', async (format) => {
      const { service_code: _, ...withoutService } = validForm();
      const { address_id: __, ...withoutLocation } = validForm();
      for (const [form, field] of [
        [withoutService, 'body.service_code'],
        [withoutLocation, 'body.lat'],
        [validForm({ description: 'x'.repeat(4001) }), 'body.description'],
        [validForm({ lat: '-6.9' }), 'body.long'],
        [validForm({ 'attribute[colour]': 'red' }), 'body.colour'],
      ] as const) {
        const response = await client.post(`/requests.${format}`, form);
        expect(response.status).toBe(400);
        expect(theError(response, format).description).toContain(field);
      }
    });

    test.each(FORMATS)('requests.%s with a service_code that names no service is a 404', async (format) => {
      const response = await client.post(`/requests.${format}`, validForm({ service_code: 'jalan-rusak-sekali' }));
      expect(response.status).toBe(404);
      expect(theError(response, format)).toEqual({ code: 404, description: 'no service has this service_code' });
    });

    test('an incident date in the future is refused by the ledger as a 400', async () => {
      const response = await client.post('/requests.xml', validForm({ 'attribute[incident_date]': '2030-01-01' }));
      expect(response.status).toBe(400);
      expect(theError(response, 'xml').description).toContain('incident_date_in_future');
    });

    test.each(FORMATS)('requests.%s files and answers the service_request_id, which is the tracking id', async (format) => {
      const response = await client.post(`/requests.${format}`, validForm());
      expect(response.status).toBe(200);
      const filed = (format === 'json' ? response.body : (parseXml(response).service_requests as { request: unknown[] }).request) as Record<string, unknown>[];
      expect(filed).toHaveLength(1);
      expect(filed[0]!.service_request_id).toMatch(/^[0-9A-Z]{12}[0-9A-Z*~$=]$/);
      await harness().project();
      const page = await request(harness().app).get(`/api/public/complaints/${String(filed[0]!.service_request_id)}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ shape: 'case', category: 'infrastruktur', regionCode: '32.73' });
    });

    test("a client app past its key's hourly allowance gets a 429 errors document with Retry-After", async () => {
      const limited = await harness().open311Keys.issue('Aplikasi Terbatas', 1);
      expect((await client.post('/requests.json', validForm({ api_key: limited.apiKey }))).status).toBe(200);
      const refused = await client.post('/requests.xml', validForm({ api_key: limited.apiKey }));
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(theError(refused, 'xml').code).toBe(429);
      // Another app's allowance is its own.
      expect((await client.post('/requests.json', validForm())).status).toBe(200);
    });

    test('the same Idempotency-Key files once and answers the same service_request_id', async () => {
      const key = 'open311-retry-0001-abcdef';
      const first = await fileOn311(validForm({ description: 'Sampah menumpuk di TPS Cicadas.' }), { 'idempotency-key': key });
      const second = await fileOn311(validForm({ description: 'Sampah menumpuk di TPS Cicadas.' }), { 'idempotency-key': key });
      expect(second).toBe(first);
      await harness().project();
      const listed = await client.get('/requests.json?service_code=infrastruktur');
      expect((listed.body as { service_request_id: string }[]).filter((r) => r.service_request_id === first)).toHaveLength(1);
    });
  });

  describe(`${label}: GET requests and visibility`, () => {
    test.each(FORMATS)('requests.%s lists the last 90 days with every required field, never a confidential complaint', async (format) => {
      const response = await client.get(`/requests.${format}`);
      expect(response.status).toBe(200);
      const requests = (format === 'json' ? response.body : (parseXml(response).service_requests as { request: unknown[] }).request) as Record<string, unknown>[];
      const ids = requests.map((r) => r.service_request_id);
      expect(ids).toEqual(expect.arrayContaining([publicOne.trackingId, anonymous.trackingId]));
      expect(ids).not.toContain(confidential.trackingId);
      for (const r of requests) {
        expect(['open', 'closed']).toContain(r.status);
        expect(r.requested_datetime).toMatch(W3C_JAKARTA);
        expect(r.updated_datetime).toMatch(W3C_JAKARTA);
        expect(typeof r.service_code).toBe('string');
        expect(r).not.toHaveProperty('first_name');
        expect(r).not.toHaveProperty('email');
      }
      const mine = requests.find((r) => r.service_request_id === publicOne.trackingId)!;
      expect(mine).toMatchObject({ status: 'open', service_code: 'infrastruktur', address_id: '32.73', agency_responsible: 'Admin SP4N-LAPOR! (verifikasi)' });
      // The verification deadline: 3 working days after Monday 3 March 2025, end of the Jakarta day.
      expect(String(mine.expected_datetime)).toMatch(/^2025-03-06T/);
      expect(response.text).not.toContain(SECRET_TITLE);
      for (const secret of NAMES_AND_CONTACTS) expect(response.text).not.toContain(secret);
    });

    test.each(FORMATS)('requests/{id}.%s of a confidential complaint is a 404, as an unknown id is', async (format) => {
      for (const id of [confidential.trackingId, '0000000000000', 'not-an-id']) {
        const response = await client.get(`/requests/${id}.${format}`);
        expect(response.status).toBe(404);
        expect(theError(response, format).code).toBe(404);
      }
      const byList = await client.get(`/requests.${format}?service_request_id=${confidential.trackingId},${publicOne.trackingId}`);
      expect(byList.status).toBe(200);
      expect(byList.text).toContain(publicOne.trackingId);
      expect(byList.text).not.toContain(confidential.trackingId);
    });

    test.each(FORMATS)('requests/{id}.%s of an anonymous complaint carries neither its name nor any contact', async (format) => {
      const response = await client.get(`/requests/${anonymous.trackingId}.${format}`);
      expect(response.status).toBe(200);
      const requests = (format === 'json' ? response.body : (parseXml(response).service_requests as { request: unknown[] }).request) as Record<string, unknown>[];
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({ service_request_id: anonymous.trackingId, service_code: 'kesehatan', address_id: '31.71' });
      for (const secret of NAMES_AND_CONTACTS) expect(response.text).not.toContain(secret);
    });

    test('start_date/end_date: more than 90 days apart, reversed, or without a timezone is a 400; a window outside finds nothing', async () => {
      for (const query of [
        'start_date=2024-11-01T00:00:00%2B07:00&end_date=2025-02-01T00:00:00%2B07:00',
        'start_date=2025-03-02T00:00:00Z&end_date=2025-03-01T00:00:00Z',
        'start_date=2025-03-01T00:00:00',
        'status=pending',
      ]) {
        const response = await client.get(`/requests.json?${query}`);
        expect(response.status).toBe(400);
        expect(theError(response, 'json').code).toBe(400);
      }
      const before = await client.get('/requests.json?end_date=2025-03-01T00:00:00%2B07:00');
      expect(before.status).toBe(200);
      expect(before.body).toEqual([]);
      const onlyStart = await client.get('/requests.json?start_date=2025-03-03T00:00:00%2B07:00');
      expect((onlyStart.body as unknown[]).length).toBeGreaterThanOrEqual(2);
    });
  });

  describe(`${label}: round trip`, () => {
    test('filed through Open311: on the public API and in the admin queue; closed for Open311 once the agency resolves it', async () => {
      const trackingId = await fileOn311(
        validForm({
          service_code: 'perhubungan',
          address_id: '32.73',
          lat: '-6.9147',
          long: '107.6098',
          address_string: 'Jl. Asia Afrika, Bandung',
          first_name: 'Rina',
          last_name: 'Wijaya',
          email: 'rina@contoh.id',
          phone: '0811223344',
          'attribute[anonymous]': 'true',
          'attribute[title]': 'Lampu lalu lintas mati',
        }),
      );
      await harness().project();

      const page = await request(harness().app).get(`/api/public/complaints/${trackingId}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ shape: 'case', title: 'Lampu lalu lintas mati', category: 'perhubungan', reporterName: 'Anonim', status: 'submitted' });
      const complaintId = page.body.complaintId as string;
      const queue = await harness().readStore.findDocuments(OVERSIGHT_PROJECTION, {
        collection: oversightComplaintsCollection.name,
        where: [
          { field: 'open', op: 'eq', value: true },
          { field: 'ownerKind', op: 'eq', value: 'admin_queue' },
        ],
        orderBy: { field: 'ownedSince', direction: 'asc' },
        limit: 100,
      });
      expect(queue.items.map((d) => d.id)).toContain(complaintId);

      const opened = await client.get(`/requests/${trackingId}.json`);
      expect(opened.body[0]).toMatchObject({ status: 'open', lat: -6.9147, long: 107.6098, address: 'Jl. Asia Afrika, Bandung', address_id: '32.73' });
      for (const secret of NAMES_AND_CONTACTS) expect(opened.text).not.toContain(secret);

      const api = apiClient(harness());
      const officer = await api.as.officer();
      for (const [action, authorization, body] of [
        ['dispose', await api.as.admin(), { agencyId: AGENCY }],
        ['accept', officer, { resolutionClass: 'medium' }],
      ] as const) {
        const response = await api.act(complaintId, action, authorization, body);
        if (response.status !== 200) throw new Error(`${action}: ${response.status} ${response.text}`);
      }
      await harness().project();
      const working = await client.get(`/requests/${trackingId}.xml`);
      const workingRequest = (parseXml(working).service_requests as { request: Record<string, string>[] }).request[0]!;
      expect(workingRequest.status).toBe('open');
      expect(workingRequest.agency_responsible).toBe('Pemerintah Kota Bandung');
      expect(workingRequest.expected_datetime).toMatch(W3C_JAKARTA);

      const resolved = await api.act(complaintId, 'resolve', officer, { summary: 'Lampu lalu lintas sudah diperbaiki.' });
      expect(resolved.status).toBe(200);
      await harness().project();
      for (const format of FORMATS) {
        const response = await client.get(`/requests/${trackingId}.${format}`);
        const closed = (format === 'json' ? response.body : (parseXml(response).service_requests as { request: unknown[] }).request) as Record<string, unknown>[];
        expect(closed[0]).toMatchObject({ status: 'closed', status_notes: 'Lampu lalu lintas sudah diperbaiki.' });
        expect(closed[0]!.expected_datetime === null || closed[0]!.expected_datetime === '').toBe(true);
      }
      const closedList = await client.get(`/requests.json?status=closed`);
      expect((closedList.body as { service_request_id: string }[]).map((r) => r.service_request_id)).toContain(trackingId);
      const openList = await client.get(`/requests.json?status=open&service_code=perhubungan,infrastruktur`);
      expect((openList.body as { service_request_id: string }[]).map((r) => r.service_request_id)).not.toContain(trackingId);
    });
  });

  test(`${label}: the XML escapes text a client sent`, async () => {
    const trackingId = await fileOn311(validForm({ description: 'Pipa bocor <b>parah</b> & "air" terbuang]]>' }));
    await harness().project();
    const response = await client.get(`/requests/${trackingId}.xml`);
    const parsed = (parseXml(response).service_requests as { request: Record<string, string>[] }).request[0]!;
    expect(parsed.description).toBe('Pipa bocor <b>parah</b> & "air" terbuang]]>');
  });
}

