import { AGENCY, OTHER_AGENCY } from '../../commands/http/apiHarness';
import { fileThrough, type Filed, type Step } from '../complaintSteps';
import { FormVisitor, signedInVisitor, textOf } from '../formVisitor';
import { eventually, startPortalServer, type PortalServer } from '../portalServer';
import { caseFileWhen, submitCaseForm } from '../staff/consoleVisitor';

/** An agency officer's console on a real server process, read the way a browser without JavaScript reads it. */

let server: PortalServer;
let officer: FormVisitor;
let waiting: Filed;
let elsewhere: Filed;

const SCRIPT_TITLE = 'Jalan rusak <script>alert(1)</script>';
const DISPOSED: readonly Step[] = [['dispose', 'admin', { agencyId: AGENCY }]];
const ACCEPTED: readonly Step[] = [...DISPOSED, ['accept', 'officer', { resolutionClass: 'medium' }]];
const caseOf = (filed: Filed) => `/agency/complaints/${filed.id}`;

/** A complaint taken through `steps`, once the agency read model has it (its case page opens). */
async function ready(steps: readonly Step[], report: Record<string, unknown> = {}): Promise<Filed> {
  const filed = await fileThrough(server, steps, report);
  await eventually(
    () => officer.get(caseOf(filed)),
    (answer) => answer.status === 200,
  );
  return filed;
}

beforeAll(async () => {
  server = await startPortalServer();
  officer = await signedInVisitor(server.url, { role: 'agency_officer', agencyId: AGENCY });
  [waiting, elsewhere] = await Promise.all([ready(DISPOSED, { title: SCRIPT_TITLE }), fileThrough(server, [['dispose', 'admin', { agencyId: OTHER_AGENCY }]])]);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

describe("the agency's queue", () => {
  test('lists the complaints disposed to the agency with their due date, and not those of another agency', async () => {
    const page = await eventually(
      () => officer.get('/agency'),
      (answer) => answer.html.includes(waiting.trackingId),
    );
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Antrean Pemerintah Kota Bandung');
    const row = textOf(new RegExp(`<tr><th scope="row"><a href="/agency/complaints/${waiting.id}">[\\s\\S]*?</tr>`).exec(page.html)![0]);
    expect(row).toContain('Diteruskan ke instansi');
    expect(page.html).toMatch(new RegExp(`href="/agency/complaints/${waiting.id}">[\\s\\S]*?<time datetime="\\d{4}-\\d\\d-\\d\\dT`));
    expect(page.html).not.toContain(elsewhere.trackingId);
  });

  test("escapes a complaint's text in the queue and on its case page", async () => {
    for (const html of [(await officer.get('/agency')).html, (await officer.get(caseOf(waiting))).html]) {
      expect(html).toContain('Jalan rusak &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>alert(1)');
    }
  });

  test("another agency's officer gets the 404 page for the case; a visitor and an admin are sent to sign in", async () => {
    const other = await signedInVisitor(server.url, { role: 'agency_officer', agencyId: OTHER_AGENCY });
    const page = await other.get(caseOf(waiting));
    expect(page.status).toBe(404);
    expect(textOf(page.html)).toContain('Halaman tidak ditemukan');
    expect(textOf(page.html)).not.toContain('Jalan rusak');
    expect((await other.post(`${caseOf(waiting)}/accept`, { resolutionClass: 'short', idempotencyKey: crypto.randomUUID() })).status).toBe(404);
    expect(await new FormVisitor(server.url).get('/agency')).toMatchObject({ status: 303, location: '/staff/sign-in' });
    expect((await (await signedInVisitor(server.url, { role: 'admin' })).get(caseOf(waiting))).status).toBe(403);
  });
});

describe('the case page forms', () => {
  test('accept and decline each change the complaint', async () => {
    const [accepted, declined] = await Promise.all([ready(DISPOSED), ready(DISPOSED)]);
    const answer = await submitCaseForm(officer, caseOf(accepted), 'accept', { resolutionClass: 'short' });
    expect(answer).toMatchObject({ status: 303, location: `${caseOf(accepted)}?done=accept` });
    expect((await submitCaseForm(officer, caseOf(declined), 'decline', { reason: 'Bukan kewenangan kami.', suggestedAgencyId: OTHER_AGENCY })).status).toBe(303);
    expect(await caseFileWhen(server, accepted.id, (f) => f.status === 'in_progress')).toMatchObject({ status: 'in_progress' });
    expect(await caseFileWhen(server, declined.id, (f) => f.status === 'returned_to_admin')).toMatchObject({ status: 'returned_to_admin' });
    expect(textOf((await officer.get(answer.location!)).html)).toContain('Tindakan telah dicatat.');
  });

  test('delegate offers the units of the agency and hands the case to the chosen one', async () => {
    const filed = await ready(ACCEPTED);
    const page = await officer.get(caseOf(filed));
    expect(page.html).toContain('<option value="pemkot-32.73/disdukcapil">');
    expect((await submitCaseForm(officer, caseOf(filed), 'delegate', { unitId: 'pemkot-32.73/disdukcapil' })).status).toBe(303);
    const file = await caseFileWhen(server, filed.id, (f) => (f.owner as { unitId?: string }).unitId !== undefined);
    expect(file.owner).toMatchObject({ kind: 'agency', agencyId: AGENCY, unitId: 'pemkot-32.73/disdukcapil' });
  });

  test('a public follow-up, an internal one, and the resolution show in the case file', async () => {
    const filed = await ready(ACCEPTED);
    expect((await submitCaseForm(officer, caseOf(filed), 'follow-ups', { visibility: 'public', text: 'Tim sudah meninjau lokasi.' })).status).toBe(303);
    expect((await submitCaseForm(officer, caseOf(filed), 'follow-ups', { visibility: 'internal', text: 'Anggaran dari pos pemeliharaan.' })).status).toBe(303);
    expect((await submitCaseForm(officer, caseOf(filed), 'resolve', { summary: 'Lubang sudah ditambal.' })).status).toBe(303);
    const file = await caseFileWhen(server, filed.id, (f) => f.status === 'resolved');
    expect((file.followUps as { visibility: string; text: string }[]).map((f) => [f.visibility, f.text])).toEqual([
      ['public', 'Tim sudah meninjau lokasi.'],
      ['internal', 'Anggaran dari pos pemeliharaan.'],
    ]);
    expect(file.resolution).toMatchObject({ summary: 'Lubang sudah ditambal.' });
  });

  test("the API's errors show next to their field, and a domain refusal by its form", async () => {
    const filed = await ready(DISPOSED);
    const invalid = await submitCaseForm(officer, caseOf(filed), 'accept', { resolutionClass: 'forever' });
    expect(invalid.status).toBe(400);
    expect(invalid.html).toMatch(/<p class="error" id="accept-resolutionClass-error">[^<]+<\/p>/);
    expect(invalid.html).toMatch(/id="accept-resolutionClass" name="resolutionClass"[^>]*aria-invalid="true"/);
    // Resolving before accepting is the domain's refusal, shown by the resolve form.
    const refused = await submitCaseForm(officer, caseOf(filed), 'resolve', { summary: 'Sudah selesai.' });
    expect(refused.status).toBe(409);
    expect(refused.html).toMatch(/<h3 id="resolve-heading">[^<]+<\/h3>\s*<p class="error" role="alert">Tindakan ini tidak dapat dilakukan sekarang: /);
  });
});
