import { AGENCY } from '../../commands/http/apiHarness';
import { fileThrough, RESOLVED, type Filed } from '../complaintSteps';
import { FormVisitor, signedInVisitor, textOf } from '../formVisitor';
import { eventually, startPortalServer, type PortalServer } from '../portalServer';

/** The Ombudsman's pages on a real server process, read the way a browser without JavaScript reads them. */

let server: PortalServer;
let bouncing: Filed;
let resolved: Filed;
let ombudsman: FormVisitor;

const SCRIPT_TITLE = 'Jalan rusak <script>alert(1)</script>';
const DECLINE_TWICE = [
  ['dispose', 'admin', { agencyId: AGENCY }],
  ['decline', 'officer', { reason: 'Bukan kewenangan kami.' }],
  ['dispose', 'admin', { agencyId: AGENCY }],
  ['decline', 'officer', { reason: 'Tetap bukan kewenangan kami.' }],
] as const;

const signedIn = (role: string, sub: string): Promise<FormVisitor> => signedInVisitor(server.url, { role, sub });

/** The rows of the table with this test id, as text. */
function rowsOf(html: string, testId: string): string[] {
  const table = new RegExp(`<table data-testid="${testId}">([\\s\\S]*?)</table>`).exec(html);
  return table === null ? [] : [...table[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((row) => textOf(row[1]!));
}

beforeAll(async () => {
  server = await startPortalServer();
  [bouncing, resolved] = await Promise.all([fileThrough(server, DECLINE_TWICE, { title: SCRIPT_TITLE }), fileThrough(server, RESOLVED)]);
  ombudsman = await signedIn('ombudsman', 'ombudsman-1');
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe('the Ombudsman dashboard', () => {
  test('lists the complaint declined twice as bouncing, with its decline count, and nothing past a deadline or unowned for days', async () => {
    const page = await eventually(
      () => ombudsman.get('/ombudsman'),
      (answer) => rowsOf(answer.html, 'bouncing').length > 0,
    );
    expect(page.status).toBe(200);
    const rows = rowsOf(page.html, 'bouncing');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(bouncing.trackingId);
    expect(rows[0]).toMatch(/ 2 $/);
    expect(page.html).toContain(`href="/ombudsman/complaints/${bouncing.id}"`);
    expect(page.html).not.toContain(resolved.trackingId);
    // Both are a day old at most: none is past its deadline, none has waited 3 days in the admin queue.
    expect(page.html).toContain('data-testid="breaches-empty"');
    expect(page.html).toContain('data-testid="unowned-empty"');
  });

  test('shows agency compliance as a titled chart beside a table with a row per agency', async () => {
    // Assigned three times, each answered on time (a decline is an answer), declined twice, resolved once on time: a third.
    const expected = ' Pemerintah Kota Bandung 3 3 1 2 0 33% ';
    const page = await eventually(
      () => ombudsman.get('/ombudsman'),
      (answer) => rowsOf(answer.html, 'compliance').includes(expected),
    );
    expect(rowsOf(page.html, 'compliance')).toEqual([expected]);
    expect(page.html).toMatch(/<svg id="compliance-chart"[^>]*role="img"[^>]*aria-labelledby="compliance-chart-title"/);
    expect(page.html).toContain('<title id="compliance-chart-title">Skor kepatuhan per instansi (diselesaikan tepat waktu)</title>');
  });

  test('shows compliance over time: this month in Jakarta, for the agency and for all agencies together, charted beside its table', async () => {
    const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
    const token = await server.token({ sub: 'ombudsman-1', role: 'ombudsman' });
    const months = (query: string) => server.api('GET', `/api/oversight/compliance/months${query}`, { token });
    const agency = await eventually(() => months(`?agency=${AGENCY}`), (answer) => (answer.body as { items: { assigned: number }[] }).items[0]?.assigned === 3);
    expect(agency.body).toMatchObject({ items: [{ agencyId: AGENCY, month: thisMonth, assigned: 3, respondedOnTime: 3, declined: 2, resolvedOnTime: 1 }] });
    expect((await months('')).body).toMatchObject({ items: [{ agencyId: '*', month: thisMonth, assigned: 3, resolvedOnTime: 1 }] });
    expect((await months('?limit=0')).status).toBe(400);
    const page = await ombudsman.get('/ombudsman');
    expect(page.html).toMatch(/<svg id="over-time"[^>]*role="img"/);
    expect(page.html).toContain(`<tr><td>${thisMonth}</td><td>33%</td></tr>`);
  });

  test('sends a visitor to sign in, and refuses a reporter', async () => {
    const visitor = await new FormVisitor(server.url).get('/ombudsman');
    expect(visitor).toMatchObject({ status: 303, location: '/staff/sign-in' });
    const reporter = await (await signedIn('reporter', 'reporter-x')).get('/ombudsman');
    expect(reporter.status).toBe(403);
    expect(textOf(reporter.html)).toContain('Halaman ini hanya untuk Ombudsman dan admin SP4N-LAPOR!.');
  });
});

describe('the Ombudsman case page', () => {
  test('shows the whole file with the reporter contact, an intact-chain badge, and the history with this very read of the identity', async () => {
    const page = await ombudsman.get(`/ombudsman/complaints/${resolved.id}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(page.html).toMatch(/<span class="badge ok" data-testid="integrity">✓ Rantai hash utuh<\/span>/);
    expect(text).toContain('081234567890');
    const history = rowsOf(page.html, 'history');
    expect(history.map((row) => /(Complaint\w+|\w+(?:Accessed|Disposed|Accepted|Posted|Resolved)\w*)/.exec(row)?.[1])).toEqual(
      expect.arrayContaining(['ComplaintSubmitted', 'ReporterIdentityAccessed']),
    );
    const identityRead = history.find((row) => row.includes('ReporterIdentityAccessed'))!;
    expect(identityRead).toContain('Ombudsman');
    expect(identityRead).toContain('ombudsman-1');
  });

  test('in English the badge reads "Hash chain intact"', async () => {
    const english = await signedIn('ombudsman', 'ombudsman-2');
    await english.get('/language/en');
    const page = await english.get(`/ombudsman/complaints/${resolved.id}`);
    expect(page.html).toContain('✓ Hash chain intact');
  });

  test('escapes a title with a script tag: it is text, never markup', async () => {
    const page = await ombudsman.get(`/ombudsman/complaints/${bouncing.id}`);
    expect(page.html).toContain('Jalan rusak &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).not.toContain('<script>alert(1)</script>');
  });

  test('an unknown complaint, and any complaint for a reporter, is the not-found page', async () => {
    expect((await ombudsman.get('/ombudsman/complaints/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await ombudsman.get('/ombudsman/complaints/not-a-uuid')).status).toBe(404);
    const reporter = await signedIn('reporter', 'reporter-y');
    expect((await reporter.get(`/ombudsman/complaints/${resolved.id}`)).status).toBe(404);
  });
});

// Last: it adds complaints the tests above do not expect.
describe('a watch list longer than the dashboard shows', () => {
  test('the dashboard shows the first 20 and links to the list page, which shows them all', async () => {
    for (let i = 0; i < 20; i++) await fileThrough(server, DECLINE_TWICE);
    const dashboard = await eventually(
      () => ombudsman.get('/ombudsman'),
      (answer) => answer.html.includes('data-testid="bouncing-more"'),
    );
    expect(rowsOf(dashboard.html, 'bouncing')).toHaveLength(20);
    expect(dashboard.html).toContain('<a href="/ombudsman/bouncing" data-testid="bouncing-more">Lihat semua: Dilempar antarinstansi</a>');
    const all = await ombudsman.get('/ombudsman/bouncing');
    expect(all.status).toBe(200);
    expect(rowsOf(all.html, 'bouncing')).toHaveLength(21);
    expect(all.html).not.toContain('data-testid="bouncing-more"');
    expect((await ombudsman.get('/ombudsman/everything')).status).toBe(404);
  }, 120_000);
});
