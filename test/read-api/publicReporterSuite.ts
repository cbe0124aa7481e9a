import request from 'supertest';
import { apiClient, AGENCY, validReport } from '../commands/http/apiHarness';
import type { ReadApiHarness } from './readApiHarness';

interface Filed {
  readonly id: string;
  readonly trackingId: string;
  readonly accessCode: string;
}

/** Words only one complaint's confidential text carries: found anywhere public, they are a leak. */
const SECRET_TITLE = 'Pungutan liar kelurahan rahasiajudul';
const SECRET_CHRONOLOGY = 'Petugas meminta uang rahasiakronologi untuk KTP.';
const FORMULA_TITLE = '=HYPERLINK("http://contoh.id","klik")';

/**
 * The public and reporter routers on a small ledger made through the command routes:
 * A public (reporter logged in, assigned, accepted, with a public follow-up, an internal
 * note and a reply), B confidential, C anonymous, D with text that CSV must quote.
 * Every answer is checked against the OpenAPI document.
 */
export function publicReporterSuite(label: string, harness: () => ReadApiHarness): void {
  let a: Filed;
  let b: Filed;
  let c: Filed;
  let d: Filed;
  let api: ReturnType<typeof apiClient>;

  async function get(path: string, headers: Record<string, string> = {}) {
    const call = request(harness().app).get(path);
    for (const [name, value] of Object.entries(headers)) call.set(name, value);
    const response = await call;
    harness().conformance.assertConforms(response);
    return response;
  }

  /** The status first, with the body in the failure message. */
  async function expectStatus(status: number, answer: ReturnType<typeof get>) {
    const response = await answer;
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text.slice(0, 500)}`);
    return response;
  }

  async function file(report: Record<string, unknown>, reporterAccount?: string): Promise<Filed> {
    const post = request(harness().app).post('/api/complaints');
    if (reporterAccount !== undefined) post.set('authorization', await api.as.reporter(reporterAccount));
    const response = await post.send(report);
    if (response.status !== 201) throw new Error(`filing failed: ${response.status} ${response.text}`);
    return response.body as Filed;
  }

  const trackingIds = (body: { items: { trackingId: string }[] }): string[] => body.items.map((item) => item.trackingId).sort();

  beforeAll(async () => {
    api = apiClient(harness());
    a = await file(validReport(), 'acct-a');
    b = await file(
      validReport({ title: SECRET_TITLE, chronology: SECRET_CHRONOLOGY, category: 'kependudukan', confidential: true, reporter: { name: 'Siti Rahma', email: 'siti@contoh.id' } }),
      'acct-b',
    );
    c = await file(
      validReport({ kind: 'aspirasi', title: 'Antrean puskesmas terlalu panjang', chronology: 'Pasien menunggu empat jam.', category: 'kesehatan', regionCode: '31.71', anonymous: true, reporter: { name: 'Nama Asli Pelapor' } }),
    );
    d = await file(validReport({ kind: 'permintaan_informasi', title: FORMULA_TITLE, chronology: 'Baris satu, dengan koma\nbaris "dua"', regionCode: '32.73.01', reporter: undefined }));
    const officer = await api.as.officer();
    for (const [action, authorization, body] of [
      ['dispose', await api.as.admin(), { agencyId: AGENCY }],
      ['accept', officer, { resolutionClass: 'medium' }],
      ['follow-ups', officer, { visibility: 'public', text: 'Tim sudah meninjau lokasi.' }],
      ['follow-ups', officer, { visibility: 'internal', text: 'Catatan internal dinas.' }],
      ['reply', await api.as.reporter('acct-a'), { text: 'Terima kasih atas tindak lanjutnya.' }],
    ] as const) {
      const response = await api.act(a.id, action, authorization, body);
      if (response.status !== 200) throw new Error(`${action}: ${response.status} ${response.text}`);
    }
    await harness().project();
  });

  describe(`${label}: GET /api/public/complaints`, () => {
    test('lists every complaint but the confidential one, as summaries without the chronology', async () => {
      const response = await expectStatus(200, get('/api/public/complaints'));
      expect(trackingIds(response.body)).toEqual([a.trackingId, c.trackingId, d.trackingId].sort());
      expect(response.text).not.toMatch(/rahasia|Siti|Nama Asli/i);
      expect(response.body.items.find((item: { trackingId: string }) => item.trackingId === c.trackingId).reporterName).toBe('Anonim');
      expect(response.body.next).toBeUndefined();
    });

    test('public routes do not read tokens: a forged one changes nothing', async () => {
      const response = await expectStatus(200, get('/api/public/complaints', { authorization: 'Bearer forged.token.value' }));
      expect(trackingIds(response.body)).toEqual([a.trackingId, c.trackingId, d.trackingId].sort());
    });

    test('pages with the cursor: limit 1 walks all three once, then stops', async () => {
      const seen: string[] = [];
      let path = '/api/public/complaints?limit=1';
      for (let page = 0; page < 5; page++) {
        const response = await expectStatus(200, get(path));
        seen.push(...trackingIds(response.body));
        if (response.body.next === undefined) break;
        path = `/api/public/complaints?limit=1&cursor=${encodeURIComponent(response.body.next)}`;
      }
      expect(seen.sort()).toEqual([a.trackingId, c.trackingId, d.trackingId].sort());
    });

    test.each([
      ['q=berlubang', 'a'],
      ['q=JALAN%20soekarno', 'a'],
      ['q=puskesmas%20antrean', 'c'],
      ['category=kesehatan', 'c'],
      ['region=31', 'c'],
      ['region=32.73.01', 'd'],
      ['agency=pemkot-32.73', 'a'],
      ['status=in_progress', 'a'],
      ['kind=permintaan_informasi', 'd'],
      ['region=32&kind=pengaduan', 'a'],
    ])('filters: %s', async (query, expected) => {
      const byName: Record<string, Filed> = { a, c, d };
      const response = await expectStatus(200, get(`/api/public/complaints?${query}`));
      expect(trackingIds(response.body)).toEqual([byName[expected]!.trackingId]);
    });

    test('a regency includes its districts; a search for the confidential words finds nothing', async () => {
      expect(trackingIds((await expectStatus(200, get('/api/public/complaints?region=32.73'))).body)).toEqual([a.trackingId, d.trackingId].sort());
      expect((await expectStatus(200, get('/api/public/complaints?q=rahasiajudul'))).body.items).toEqual([]);
      expect((await expectStatus(200, get('/api/public/complaints?category=kependudukan'))).body.items).toEqual([]);
    });

    test('date range in Jakarta days: all were filed on 3 March 2025 (WIB)', async () => {
      expect((await expectStatus(200, get('/api/public/complaints?from=2025-03-03&to=2025-03-03'))).body.items).toHaveLength(3);
      expect((await expectStatus(200, get('/api/public/complaints?from=2025-03-04'))).body.items).toEqual([]);
      expect((await expectStatus(200, get('/api/public/complaints?to=2025-03-02'))).body.items).toEqual([]);
    });

    test.each([
      ['limit=0', 'query.limit'],
      ['limit=101', 'query.limit'],
      ['limit=abc', 'query.limit'],
      ['category=bukan-kategori', 'query.category'],
      ['status=lost', 'query.status'],
      ['region=3', 'query.region'],
      ['agency=tidak-ada', 'query.agency'],
      ['from=2025-02-30', 'query.from'],
      ['from=2025-03-05&to=2025-03-01', 'query.to'],
      ['q=a', 'query.q'],
      ['q=%21%21', 'query.q'],
      ['cursor=not-a-cursor', 'query.cursor'],
      ['cursor=WzEsImEiXQ', 'query.cursor'],
      ['category=kesehatan&category=pendidikan', 'query.category'],
      ['sort=oldest', 'query.sort'],
    ])('400 naming the field: %s', async (query, path) => {
      const response = await expectStatus(400, get(`/api/public/complaints?${query}`));
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    });
  });

  describe(`${label}: GET /api/public/complaints/{trackingId}`, () => {
    test('the public view: text, reporter name, public follow-ups and replies; no contact, no internal note', async () => {
      const response = await expectStatus(200, get(`/api/public/complaints/${a.trackingId}`));
      expect(response.body).toMatchObject({ shape: 'case', audience: 'public', trackingId: a.trackingId, status: 'in_progress', reporterName: 'Budi Santoso', title: validReport().title });
      expect(response.body.followUps.map((f: { text: string }) => f.text)).toEqual(['Tim sudah meninjau lokasi.']);
      expect(response.body.reporterMessages.map((m: { text: string }) => m.text)).toEqual(['Terima kasih atas tindak lanjutnya.']);
      expect(response.body).not.toHaveProperty('reporterContact');
      expect(response.text).not.toMatch(/0812|3273012345678901|Catatan internal/);
    });

    test('a confidential complaint: status only', async () => {
      const response = await expectStatus(200, get(`/api/public/complaints/${b.trackingId}`));
      expect(response.body).toEqual({ shape: 'status_only', trackingId: b.trackingId, status: 'submitted' });
    });

    test('the tracking id as typed: lower case with hyphens finds it; anonymous shows Anonim', async () => {
      const typed = `${c.trackingId.slice(0, 4)}-${c.trackingId.slice(4, 8)}-${c.trackingId.slice(8)}`.toLowerCase();
      const response = await expectStatus(200, get(`/api/public/complaints/${encodeURIComponent(typed)}`));
      expect(response.body.reporterName).toBe('Anonim');
      expect(response.text).not.toContain('Nama Asli');
    });

    test('an unknown tracking id is a 404; a mistyped one a 400 on params.trackingId', async () => {
      // Twelve zeros and their check symbol (0): well-formed, and no complaint drew it.
      expect((await get('/api/public/complaints/0000000000000')).status).toBe(404);
      const mistyped = `${a.trackingId.slice(0, 12)}${a.trackingId.endsWith('0') ? '1' : '0'}`;
      const response = await expectStatus(400, get(`/api/public/complaints/${mistyped}`));
      expect(response.body.errors[0].path).toBe('params.trackingId');
    });
  });

  describe(`${label}: statistics, league table, CSV`, () => {
    test('statistics count the confidential complaint too', async () => {
      const response = await expectStatus(200, get('/api/public/stats'));
      expect(response.body.totals).toEqual({ complaints: 4, resolved: 0, resolvedOnTime: 0, shareOnTime: null });
      expect(response.body.counts).toEqual({
        status: { in_progress: 1, submitted: 3 },
        category: { infrastruktur: 2, kependudukan: 1, kesehatan: 1 },
        province: { '31': 1, '32': 3 },
        agency: { admin_queue: 3, 'pemkot-32.73': 1 },
        channel: { web: 4 },
        kind: { aspirasi: 1, pengaduan: 2, permintaan_informasi: 1 },
      });
      expect(response.body.timeToFirstFollowUp).toMatchObject({ total: 1, medianHours: 1 });
      expect(response.body.timeToResolution).toMatchObject({ total: 0, medianHours: null });
      expect(response.text).not.toMatch(/rahasia/i);
    });

    test('the league table names the agency and its counters', async () => {
      const response = await expectStatus(200, get('/api/public/agencies'));
      expect(response.body.items).toEqual([
        { agencyId: AGENCY, name: 'Pemerintah Kota Bandung', assigned: 1, responded: 1, respondedOnTime: 1, declined: 0, resolved: 0, resolvedOnTime: 0, overdueEscalations: 0, score: 0 },
      ]);
    });

    test('complaints.csv: RFC 4180 quoting, formula cells defused, the confidential one absent', async () => {
      const response = await expectStatus(200, get('/api/public/complaints.csv?region=32'));
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const lines = response.text.split('\r\n');
      expect(lines[0]).toBe('trackingId,submittedAt,updatedAt,status,kind,category,regionCode,agencyId,title,chronology,reporterName,supportCount');
      const dRow = response.text.slice(response.text.indexOf(d.trackingId));
      expect(dRow).toContain(`,"'=HYPERLINK(""http://contoh.id"",""klik"")","Baris satu, dengan koma\nbaris ""dua""",,0\r\n`);
      expect(response.text).toContain(`,${AGENCY},Jalan berlubang di Jl. Soekarno-Hatta,`);
      expect(response.text).not.toContain(b.trackingId);
      expect(response.text).not.toMatch(/rahasia/i);
    });

    test('complaints.csv pages through the Link header with the same filters', async () => {
      const first = await expectStatus(200, get('/api/public/complaints.csv?region=32&limit=1'));
      const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.link ?? '')?.[1];
      expect(next).toMatch(/^\/api\/public\/complaints\.csv\?region=32&limit=1&cursor=/);
      const second = await expectStatus(200, get(next!));
      expect(second.headers.link).toBeUndefined();
      const rows = [...first.text.split('\r\n').slice(1, 2), ...second.text.split('\r\n').slice(1, 2)].map((row) => row.split(',')[0]);
      expect(rows.sort()).toEqual([a.trackingId, d.trackingId].sort());
    });

    test('stats.csv and agencies.csv', async () => {
      const stats = await expectStatus(200, get('/api/public/stats.csv'));
      expect(stats.text.split('\r\n')).toEqual(
        expect.arrayContaining(['dimension,value,count', 'totals,complaints,4', 'category,kependudukan,1', 'agency,pemkot-32.73,1', 'province,31,1']),
      );
      const league = await expectStatus(200, get('/api/public/agencies.csv'));
      expect(league.text).toBe(
        'agencyId,name,assigned,responded,respondedOnTime,declined,resolved,resolvedOnTime,overdueEscalations,score\r\npemkot-32.73,Pemerintah Kota Bandung,1,1,1,0,0,0,0,0\r\n',
      );
    });
  });

  describe(`${label}: the reporter's complaints`, () => {
    test('by login: their own only, confidential text and contact included', async () => {
      const response = await expectStatus(200, get('/api/reporter/complaints', { authorization: await api.as.reporter('acct-b') }));
      expect(response.body.items).toHaveLength(1);
      expect(response.body.items[0]).toMatchObject({ trackingId: b.trackingId, title: SECRET_TITLE, chronology: SECRET_CHRONOLOGY, reporterName: 'Siti Rahma', reporterContact: { email: 'siti@contoh.id' } });
      expect(response.text).not.toContain('accessCodeHash');
      expect(response.headers['cache-control']).toBe('no-store');
    });

    test('the list needs a reporter login: 401 without a token, 403 for an officer', async () => {
      expect((await get('/api/reporter/complaints')).status).toBe(401);
      expect((await get('/api/reporter/complaints', { authorization: await api.as.officer() })).status).toBe(403);
    });

    test('one complaint by login: the conversation (public follow-up, reply), not the internal note', async () => {
      const response = await expectStatus(200, get(`/api/reporter/complaints/${a.trackingId}`, { authorization: await api.as.reporter('acct-a') }));
      expect(response.body.followUps.map((f: { text: string }) => f.text)).toEqual(['Tim sudah meninjau lokasi.']);
      expect(response.body.reporterMessages.map((m: { text: string }) => m.text)).toEqual(['Terima kasih atas tindak lanjutnya.']);
      expect(response.body.reporterContact).toEqual({ phone: '081234567890', nik: '3273012345678901' });
    });

    test('one complaint by access code (as typed: lower case, hyphens), without a login', async () => {
      const typed = `${b.accessCode.slice(0, 5)}-${b.accessCode.slice(5)}`.toLowerCase();
      const response = await expectStatus(200, get(`/api/reporter/complaints/${b.trackingId}`, { 'x-access-code': typed }));
      expect(response.body).toMatchObject({ trackingId: b.trackingId, chronology: SECRET_CHRONOLOGY, confidential: true });
    });

    test("wrong code, another's code, another reporter's login, unknown id, nothing: the same 404", async () => {
      const answers = [
        await get(`/api/reporter/complaints/${b.trackingId}`, { 'x-access-code': a.accessCode }),
        await get(`/api/reporter/complaints/${b.trackingId}`, { 'x-access-code': 'AAAAAAAAAA' }),
        await get(`/api/reporter/complaints/${b.trackingId}`, { authorization: await api.as.reporter('acct-a') }),
        await get(`/api/reporter/complaints/${b.trackingId}`, { authorization: await api.as.officer() }),
        await get(`/api/reporter/complaints/${b.trackingId}`),
        await get(`/api/reporter/complaints/0000000000000`, { 'x-access-code': b.accessCode }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(404);
        expect(answer.body).toEqual(answers[0]!.body);
        expect(answer.text).not.toMatch(/rahasia|Siti/i);
      }
    });

    test('a complaint filed without an account cannot be read by any login', async () => {
      const response = await get(`/api/reporter/complaints/${c.trackingId}`, { authorization: await api.as.reporter('acct-a') });
      expect(response.status).toBe(404);
      expect((await get(`/api/reporter/complaints/${c.trackingId}`, { 'x-access-code': c.accessCode })).status).toBe(200);
    });

    test('400s name the field: a bad limit, an over-long access code', async () => {
      const limit = await expectStatus(400, get('/api/reporter/complaints?limit=1000', { authorization: await api.as.reporter('acct-a') }));
      expect(limit.body.errors[0].path).toBe('query.limit');
      const code = await expectStatus(400, get(`/api/reporter/complaints/${b.trackingId}`, { 'x-access-code': 'x'.repeat(65) }));
      expect(code.body.errors[0].path).toBe('headers.x-access-code');
    });
  });
}
