import { createHash } from 'node:crypto';
import { jpegWithMetadata, strippedJpeg } from '../../commands/attachments/media/imageFixtures';
import { eventually, startPortalServer, type PortalServer } from '../portalServer';

let server: PortalServer;

beforeAll(async () => {
  server = await startPortalServer();
}, 120_000);

afterAll(() => server?.stop());

/** The submission form as a browser without JavaScript posts it: multipart, with a photo. */
function submissionForm(step: 'review' | 'send', file?: { readonly name: string; readonly bytes: Buffer }, carried?: string): FormData {
  const form = new FormData();
  const fields: Record<string, string> = {
    kind: 'pengaduan',
    title: 'Lampu jalan padam',
    chronology: 'Lampu jalan di gang kami padam sejak dua minggu, rawan kejahatan.',
    incidentDate: '2026-11-20',
    regionCode: '32.73',
    category: 'infrastruktur',
    anonymous: 'on',
    idempotencyKey: crypto.randomUUID(),
    step,
    ...(carried === undefined ? {} : { attachments: carried }),
  };
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('files', new Blob([file.bytes], { type: 'image/jpeg' }), file.name);
  return form;
}

const post = (form: FormData) => fetch(`${server.url}/submit`, { method: 'POST', body: form, headers: { origin: server.url } });
const between = (text: string, testId: string): string => new RegExp(`data-testid="${testId}">([^<]+)<`).exec(text)![1]!;

test('a photo attached on the form is uploaded without its metadata, carried through the review step and filed under a neutral name', async () => {
  const review = await post(submissionForm('review', { name: 'KTP Budi Santoso.jpg', bytes: jpegWithMetadata() }));
  expect(review.status).toBe(200);
  const reviewHtml = await review.text();
  expect(reviewHtml).toContain('lampiran-1.jpg');
  expect(reviewHtml).not.toContain('Budi');
  const carried = /name="attachments" value="([^"]+)"/.exec(reviewHtml)![1]!.replaceAll('&quot;', '"');

  const receipt = await post(submissionForm('send', undefined, carried));
  expect(receipt.status).toBe(201);
  const receiptHtml = await receipt.text();
  const trackingId = between(receiptHtml, 'tracking-id');
  const accessCode = between(receiptHtml, 'access-code');

  const own = await eventually(
    () => server.api('GET', `/api/reporter/complaints/${trackingId}`, { headers: { 'x-access-code': accessCode } }),
    (answer) => answer.status === 200,
  );
  const { attachments } = own.body as { attachments: { id: string; name: string; mediaType: string; sizeBytes: number }[] };
  const stripped = strippedJpeg();
  expect(attachments).toEqual([{ id: createHash('sha256').update(stripped).digest('hex'), name: 'lampiran-1.jpg', mediaType: 'image/jpeg', sizeBytes: stripped.length }]);
});

test('a file that is not a photo or PDF is refused next to the file field, and what was typed stays', async () => {
  const answer = await post(submissionForm('review', { name: 'catatan.txt', bytes: Buffer.from('just some text, not an image') }));
  expect(answer.status).toBe(400);
  const body = await answer.text();
  expect(body).toContain('id="files-error"');
  expect(body).toContain('Lampu jalan padam');
});
