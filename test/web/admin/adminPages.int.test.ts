import { AGENCY, OTHER_AGENCY } from '../../commands/http/apiHarness';
import { fileThrough, type Filed } from '../complaintSteps';
import { FormVisitor, signedInVisitor, textOf } from '../formVisitor';
import { eventually, startPortalServer, type PortalServer } from '../portalServer';
import { caseFileWhen, submitCaseForm } from '../staff/consoleVisitor';

/** The SP4N admin's console on a real server process, read the way a browser without JavaScript reads it. */

let server: PortalServer;
let admin: FormVisitor;
let waiting: Filed;
let routed: Filed;

const SCRIPT_TITLE = 'Jalan rusak <script>alert(1)</script>';

beforeAll(async () => {
  server = await startPortalServer();
  [waiting, routed] = await Promise.all([fileThrough(server, [], { title: SCRIPT_TITLE }), fileThrough(server, [['dispose', 'admin', { agencyId: AGENCY }]])]);
  admin = await signedInVisitor(server.url, { role: 'admin', sub: 'admin-1' });
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/** A new complaint in the admin queue, once the oversight read model has it. */
async function fresh(): Promise<Filed> {
  const filed = await fileThrough(server, []);
  await caseFileWhen(server, filed.id, (f) => f.complaintId === filed.id);
  return filed;
}
const caseOf = (filed: Filed) => `/admin/complaints/${filed.id}`;

describe('the verification queue', () => {
  test('lists the open complaints no agency owns, with the proposed agency, and not those already routed', async () => {
    // Filed side by side: the routed one's disposal may come after the waiting one's submission.
    await caseFileWhen(server, routed.id, (f) => f.status === 'disposed');
    const page = await eventually(
      () => admin.get('/admin'),
      (answer) => answer.html.includes(waiting.trackingId),
    );
    expect(page.status).toBe(200);
    const row = textOf(/<tr><th scope="row"><a href="\/admin\/complaints\/[^"]+">[\s\S]*?<\/tr>/.exec(page.html)![0]);
    expect(row).toContain(waiting.trackingId);
    expect(row).toContain('Dinas Pekerjaan Umum dan Penataan Ruang Kota Bandung');
    expect(page.html).toContain(`href="/admin/complaints/${waiting.id}"`);
    expect(page.html).not.toContain(routed.trackingId);
  });

  test("escapes a complaint's text in the queue and on its case page", async () => {
    const queue = await admin.get('/admin');
    const casePage = await admin.get(caseOf(waiting));
    for (const html of [queue.html, casePage.html]) {
      expect(html).toContain('Jalan rusak &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<script>alert(1)');
    }
  });

  test('is for admins only: a visitor and an agency officer are sent to sign in', async () => {
    expect(await new FormVisitor(server.url).get('/admin')).toMatchObject({ status: 303, location: '/staff/sign-in' });
    const officer = await signedInVisitor(server.url, { role: 'agency_officer', agencyId: AGENCY });
    expect((await officer.get('/admin')).status).toBe(403);
    expect((await officer.get(caseOf(waiting))).status).toBe(403);
  });
});

describe('the case page forms', () => {
  test('the dispose form is filled with the proposed agency; disposing to another agency routes it there', async () => {
    const filed = await fresh();
    const page = await admin.get(caseOf(filed));
    expect(page.html).toMatch(/id="dispose-agencyId" name="agencyId"[^>]*value="pemkot-32.73\/dinas-pupr"/);
    const posted = await submitCaseForm(admin, caseOf(filed), 'dispose', { agencyId: OTHER_AGENCY, note: 'Urusan kesehatan.' });
    expect(posted).toMatchObject({ status: 303, location: `${caseOf(filed)}?done=dispose` });
    const file = await caseFileWhen(server, filed.id, (f) => f.status === 'disposed');
    expect(file.owner).toMatchObject({ kind: 'agency', agencyId: OTHER_AGENCY });
    expect(textOf((await admin.get(posted.location!)).html)).toContain('Tindakan telah dicatat.');
  });

  test('reject, hold, request information and make confidential each change the complaint', async () => {
    const [rejected, held, asked, secret] = await Promise.all([fresh(), fresh(), fresh(), fresh()]);
    const answers = [
      await submitCaseForm(admin, caseOf(rejected), 'reject', { rejection: 'out_of_scope', matter: 'criminal', note: 'Perkara pidana.' }),
      await submitCaseForm(admin, caseOf(held), 'hold', { reason: 'Menunggu hasil rapat koordinasi.' }),
      await submitCaseForm(admin, caseOf(asked), 'request-information', { question: 'Di ruas jalan mana tepatnya?' }),
      await submitCaseForm(admin, caseOf(secret), 'make-confidential', {}),
    ];
    expect(answers.map((a) => a.status)).toEqual([303, 303, 303, 303]);
    expect(await caseFileWhen(server, rejected.id, (f) => f.status === 'closed')).toMatchObject({ status: 'closed' });
    expect(await caseFileWhen(server, held.id, (f) => f.status === 'on_hold')).toMatchObject({ status: 'on_hold' });
    expect(await caseFileWhen(server, asked.id, (f) => f.status === 'awaiting_information')).toMatchObject({ status: 'awaiting_information' });
    expect(await caseFileWhen(server, secret.id, (f) => f.confidential === true)).toMatchObject({ confidential: true });
  });

  test('merge closes the duplicate into its master; redact replaces the public text', async () => {
    const [master, duplicate, redacted] = await Promise.all([fresh(), fresh(), fresh()]);
    expect((await submitCaseForm(admin, caseOf(duplicate), 'merge', { masterComplaintId: master.id })).status).toBe(303);
    expect((await submitCaseForm(admin, caseOf(redacted), 'redact', { title: 'Jalan rusak di Bandung', chronology: 'Jalan berlubang di dekat sekolah sejak sebulan lalu. [disamarkan]' })).status).toBe(303);
    const merged = await caseFileWhen(server, duplicate.id, (f) => f.status === 'closed');
    expect(merged.closure).toMatchObject({ cause: 'merged', masterComplaintId: master.id });
    // Staff keep the text as submitted; the public sees the redacted one.
    const published = await eventually(
      async () => (await server.api('GET', `/api/public/complaints/${redacted.trackingId}`)).body as Record<string, unknown>,
      (view) => view.redacted === true,
    );
    expect(published).toMatchObject({ redacted: true, title: 'Jalan rusak di Bandung' });
  });

  test("the API's errors show next to their field, and a domain refusal by its form", async () => {
    const filed = await fresh();
    const invalid = await submitCaseForm(admin, caseOf(filed), 'merge', { masterComplaintId: 'not-an-id' });
    expect(invalid.status).toBe(400);
    expect(invalid.html).toMatch(/<p class="error" id="merge-masterComplaintId-error">[^<]+<\/p>/);
    expect(invalid.html).toMatch(/id="merge-masterComplaintId" name="masterComplaintId"[^>]*aria-describedby="merge-masterComplaintId-hint merge-masterComplaintId-error"[^>]*aria-invalid="true"[^>]*value="not-an-id"/);
    const empty = await submitCaseForm(admin, caseOf(filed), 'hold', { reason: '' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('id="hold-reason-error"');
    // Merging a complaint into itself is the domain's refusal, shown by the merge form.
    const refused = await submitCaseForm(admin, caseOf(filed), 'merge', { masterComplaintId: filed.id });
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain('Tindakan ini tidak dapat dilakukan sekarang:');
  });

  test('an unknown complaint id is the 404 page', async () => {
    expect((await admin.get('/admin/complaints/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin.get('/admin/complaints/not-an-id')).status).toBe(404);
  });
});
