import { fileThrough, IN_PROGRESS, RESOLVED, type Filed } from '../complaintSteps';
import { FormVisitor, textOf } from '../formVisitor';
import { eventually, startPortalServer, type PortalServer } from '../portalServer';

/** The reporter's pages on a real server process, read and posted the way a browser without JavaScript does. */

let server: PortalServer;

beforeAll(async () => {
  server = await startPortalServer();
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/** A visitor who typed the tracking id and access code on the tracking page (which sets the receipt cookie). */
async function codeHolder(filed: Filed): Promise<FormVisitor> {
  const visitor = new FormVisitor(server.url);
  // The reporter read model follows the ledger: the tracking page finds the complaint once it is projected.
  const tracked = await eventually(
    () => visitor.post('/track', { trackingId: filed.trackingId, accessCode: filed.accessCode }),
    (answer) => answer.status === 303,
  );
  // A tracking id may end in a check symbol such as $, which the address encodes.
  expect(tracked.location).toBe(`/my/${encodeURIComponent(filed.trackingId)}`);
  return visitor;
}

async function signedInReporter(sub: string): Promise<FormVisitor> {
  const visitor = new FormVisitor(server.url);
  const answer = await visitor.post('/staff/dev-sign-in', { role: 'reporter', sub });
  expect(answer).toMatchObject({ status: 303, location: '/my' });
  return visitor;
}

/** What the code holder reads through the JSON API. */
async function readByCode(filed: Filed): Promise<Record<string, unknown>> {
  const answer = await server.api('GET', `/api/reporter/complaints/${filed.trackingId}`, { headers: { 'x-access-code': filed.accessCode } });
  return answer.body as Record<string, unknown>;
}

const idempotencyKeyOf = (html: string, action: string): string =>
  new RegExp(`action="/my/[^"]+/${action}"[\\s\\S]*?name="idempotencyKey" value="([^"]+)"`).exec(html)![1]!;

describe('a code holder', () => {
  test('sees the agency follow-up, replies, then rates; the API shows both, and the rating form is gone', async () => {
    const filed = await fileThrough(server, RESOLVED, { anonymous: true });
    const visitor = await codeHolder(filed);
    // The read model may have the complaint before it has its last steps (the follow-up, then the resolution's rating form).
    const page = await eventually(
      () => visitor.get(`/my/${filed.trackingId}`),
      (answer) => textOf(answer.html).includes('Tim sudah meninjau lokasi.') && answer.html.includes('/rate"'),
    );
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Tim sudah meninjau lokasi.');
    expect(page.html).toMatch(/action="\/my\/[^"]+\/reply"/);
    expect(page.html).toMatch(/action="\/my\/[^"]+\/rate"/);
    expect(page.html).toMatch(/action="\/my\/[^"]+\/reopen"/);
    expect(page.html).not.toMatch(/action="\/my\/[^"]+\/supplement"/);

    const replied = await visitor.post(`/my/${filed.trackingId}/reply`, { text: 'Terima kasih, sudah saya cek.', idempotencyKey: idempotencyKeyOf(page.html, 'reply') });
    expect(replied).toMatchObject({ status: 303, location: `/my/${encodeURIComponent(filed.trackingId)}?done=reply` });
    const rated = await visitor.post(`/my/${filed.trackingId}/rate`, { score: '4', comment: 'Cepat ditangani.', idempotencyKey: idempotencyKeyOf(page.html, 'rate') });
    expect(rated).toMatchObject({ status: 303, location: `/my/${encodeURIComponent(filed.trackingId)}?done=rate` });

    const read = await eventually(() => readByCode(filed), (view) => view.rating !== undefined);
    expect(read.reporterMessages).toEqual([expect.objectContaining({ kind: 'reply', text: 'Terima kasih, sudah saya cek.' })]);
    expect(read.rating).toMatchObject({ score: 4, comment: 'Cepat ditangani.' });
    const after = await visitor.get(`/my/${filed.trackingId}?done=rate`);
    expect(textOf(after.html)).toContain('Terima kasih, tanggapan Anda telah dicatat.');
    expect(after.html).not.toMatch(/action="\/my\/[^"]+\/rate"/);
  });

  test('a rating without a score comes back with the error next to the score and what was typed', async () => {
    const filed = await fileThrough(server, RESOLVED);
    const visitor = await codeHolder(filed);
    const answer = await visitor.post(`/my/${filed.trackingId}/rate`, { comment: 'Lumayan.' });
    expect(answer.status).toBe(400);
    expect(answer.html).toMatch(/<fieldset class="field" aria-describedby="rate-score-error">[\s\S]*<p class="error" id="rate-score-error">/);
    expect(answer.html).toContain('>Lumayan.</textarea>');
  });

  test("a domain refusal is shown on the form with the domain's reason", async () => {
    const filed = await fileThrough(server, IN_PROGRESS);
    const visitor = await codeHolder(filed);
    const answer = await visitor.post(`/my/${filed.trackingId}/rate`, { score: '5' });
    expect(answer.status).toBe(409);
    expect(textOf(answer.html)).toContain('Tindakan ini tidak dapat dilakukan sekarang: only a resolved complaint can be rated');
  });

  test("a wrong receipt cookie is dropped and the tracking page's not-found message shown", async () => {
    const filed = await fileThrough(server, []);
    const visitor = new FormVisitor(server.url);
    visitor.setCookie('lapor_receipt', `${filed.trackingId}:WRONG-CODE`);
    const answer = await visitor.get(`/my/${filed.trackingId}`);
    expect(answer.status).toBe(404);
    expect(textOf(answer.html)).toContain('Tidak ada laporan dengan nomor pelacakan dan kode akses ini.');
    expect(visitor.hasCookie('lapor_receipt')).toBe(false);
  });

  test('without a receipt or a login (never tracked, or the half hour ran out), the page says so and links to tracking it again', async () => {
    const filed = await fileThrough(server, []);
    const answer = await new FormVisitor(server.url).get(`/my/${filed.trackingId}`);
    expect(answer.status).toBe(404);
    expect(textOf(answer.html)).toContain('Tidak ada laporan dengan nomor pelacakan dan kode akses ini.');
    // A tracking id can end in a check symbol such as `~`, which a query string encodes.
    expect(answer.html).toContain(`href="/track?${new URLSearchParams({ trackingId: filed.trackingId })}"`);
  });

  test('after a refusal the form carries a new idempotency key, so a later try is not answered with the remembered refusal', async () => {
    const filed = await fileThrough(server, IN_PROGRESS);
    const visitor = await codeHolder(filed);
    // The reporter read model shows the reply form once it has reached the complaint's last step.
    const page = await eventually(
      () => visitor.get(`/my/${filed.trackingId}`),
      (answer) => answer.html.includes('/reply"'),
    );
    const key = idempotencyKeyOf(page.html, 'reply');
    const refused = await visitor.post(`/my/${filed.trackingId}/rate`, { score: '5', idempotencyKey: key });
    expect(refused.status).toBe(409);
    expect(idempotencyKeyOf(refused.html, 'rate')).not.toBe(key);
  });
});

describe('a signed-in reporter', () => {
  test('sees their own complaints, escaped, and not those of another reporter', async () => {
    const [mine, theirs] = await Promise.all([
      fileThrough(server, [], { title: 'Lampu jalan <script>alert(1)</script> mati' }, 'reporter-ani'),
      fileThrough(server, [], { title: 'Sampah menumpuk di pasar' }, 'reporter-budi'),
    ]);
    const ani = await signedInReporter('reporter-ani');
    const list = await eventually(
      () => ani.get('/my'),
      (answer) => answer.html.includes(mine.trackingId),
    );
    expect(list.html).toContain('Lampu jalan &lt;script&gt;alert(1)&lt;/script&gt; mati');
    expect(list.html).not.toContain('<script>alert(1)</script>');
    expect(list.html).not.toContain(theirs.trackingId);
    expect(list.html).not.toContain('Sampah menumpuk di pasar');
    expect((await ani.get(`/my/${theirs.trackingId}`)).status).toBe(404);
    const own = await ani.get(`/my/${mine.trackingId}`);
    expect(own.status).toBe(200);
    expect(own.html).toContain('Lampu jalan &lt;script&gt;alert(1)&lt;/script&gt; mati');
  });

  test('replies to a follow-up through their login; the API shows the reply', async () => {
    const filed = await fileThrough(server, IN_PROGRESS, {}, 'reporter-citra');
    const citra = await signedInReporter('reporter-citra');
    await eventually(
      () => citra.get(`/my/${filed.trackingId}`),
      (answer) => answer.status === 200,
    );
    const replied = await citra.post(`/my/${filed.trackingId}/reply`, { text: 'Lubangnya makin besar.' });
    expect(replied).toMatchObject({ status: 303, location: `/my/${encodeURIComponent(filed.trackingId)}?done=reply` });
    const read = await eventually(
      () => readByCode(filed),
      (view) => Array.isArray(view.reporterMessages) && view.reporterMessages.length > 0,
    );
    expect(read.reporterMessages).toEqual([expect.objectContaining({ kind: 'reply', text: 'Lubangnya makin besar.' })]);
  });
});
