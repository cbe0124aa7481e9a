import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { harnessForFile, type ReadApiHarness } from '../../read-api/readApiHarness';
import { AGENCY, apiClient, validReport } from './apiHarness';

/**
 * Reporter actions by receipt on real PostgreSQL: filed through the API, the reporter read
 * model projected, then the tracking id and access code act. Every answer is checked
 * against the OpenAPI document.
 */

const { harness } = harnessForFile({ postgresSchemaPrefix: 'receipt' });
const limited = harnessForFile({ postgresSchemaPrefix: 'receipt_limit' }, { rateLimits: { intakePerHour: 100, accessCodeTriesPerHour: 3 } });

interface Receipt {
  readonly id: string;
  readonly trackingId: string;
  readonly accessCode: string;
}

/** An anonymous complaint without an account, brought to a stage by the admin and the agency, then projected. */
async function receiptAt(stage: 'submitted' | 'in_progress' | 'resolved', on: ReadApiHarness = harness()): Promise<Receipt> {
  const api = apiClient(on, on.app);
  const filed = await request(on.app).post('/api/complaints').send(validReport({ anonymous: true }));
  if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${filed.text}`);
  const receipt = filed.body as Receipt;
  const officer = await api.as.officer();
  const steps: [string, string, object][] =
    stage === 'submitted'
      ? []
      : [
          ['dispose', await api.as.admin(), { agencyId: AGENCY }],
          ['accept', officer, { resolutionClass: 'medium' }],
          ['follow-ups', officer, { visibility: 'public', text: 'Tim sudah meninjau lokasi.' }],
          ...(stage === 'resolved' ? ([['resolve', officer, { summary: 'Lubang sudah ditambal.' }]] as [string, string, object][]) : []),
        ];
  for (const [action, authorization, body] of steps) {
    const response = await api.act(receipt.id, action, authorization, body);
    if (response.status !== 200) throw new Error(`${action}: ${response.status} ${response.text}`);
  }
  await on.project();
  return receipt;
}

function act(trackingId: string, action: string, code: string | undefined, body: object, headers: Record<string, string> = {}, on: ReadApiHarness = harness()) {
  const post = request(on.app).post(`/api/reporter/complaints/${trackingId}/${action}`);
  if (code !== undefined) post.set('x-access-code', code);
  for (const [name, value] of Object.entries(headers)) post.set(name, value);
  return post.send(body);
}

async function expectAnswer(status: number, answer: ReturnType<typeof act>, on: ReadApiHarness = harness()) {
  const response = await answer;
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text.slice(0, 500)}`);
  on.conformance.assertConforms(response);
  return response;
}

const eventsOf = (id: string) => apiClient(harness()).events(id);

/** The code as a person might type it: lower case, the hyphen dropped. */
const typedLoosely = (code: string): string => code.toLowerCase().replaceAll('-', '');

describe('reporter actions by receipt (PostgreSQL)', () => {
  test('the code holder replies to a follow-up; the ledger records the anonymous public actor, no identity', async () => {
    const receipt = await receiptAt('in_progress');
    const response = await expectAnswer(200, act(receipt.trackingId, 'reply', typedLoosely(receipt.accessCode), { text: 'Lubangnya masih ada di sisi kiri.' }));
    expect(response.body).toMatchObject({ complaintId: receipt.id, events: ['ReporterReplied'] });
    const last = (await eventsOf(receipt.id)).at(-1)!;
    expect(last.type).toBe('ReporterReplied');
    expect(last.data).toEqual({ text: 'Lubangnya masih ada di sisi kiri.', attachments: [], at: expect.any(String) });
    expect(last.metadata.actor).toEqual({ id: 'anonymous', role: 'public' });
    expect(last.metadata.channel).toBe('web');
  });

  test('the reply shows in what the code holder reads back', async () => {
    const receipt = await receiptAt('in_progress');
    await expectAnswer(200, act(receipt.trackingId, 'reply', receipt.accessCode, { text: 'Terima kasih, ditunggu.' }));
    await harness().project();
    const read = await request(harness().app).get(`/api/reporter/complaints/${receipt.trackingId}`).set('x-access-code', receipt.accessCode).expect(200);
    expect(read.body.reporterMessages).toEqual([expect.objectContaining({ kind: 'reply', text: 'Terima kasih, ditunggu.' })]);
  });

  test('the code holder rates a resolved complaint, then reopens it (which escalates)', async () => {
    const receipt = await receiptAt('resolved');
    const rated = await expectAnswer(200, act(receipt.trackingId, 'rate', receipt.accessCode, { score: 2, comment: 'Hanya ditambal sebagian.' }));
    expect(rated.body.events).toEqual(['OutcomeRated']);
    const reopened = await expectAnswer(200, act(receipt.trackingId, 'reopen', receipt.accessCode, { reason: 'Lubang terbuka lagi setelah hujan.' }));
    expect(reopened.body.events).toEqual(['ComplaintReopened', 'ComplaintEscalated']);
    const types = (await eventsOf(receipt.id)).map((e) => e.type);
    expect(types.slice(-3)).toEqual(['OutcomeRated', 'ComplaintReopened', 'ComplaintEscalated']);
  });

  test('the code holder supplements a complaint still in the admin queue', async () => {
    const receipt = await receiptAt('submitted');
    const response = await expectAnswer(200, act(receipt.trackingId, 'supplement', receipt.accessCode, { text: 'Lokasi tepatnya di depan pasar Kosambi.' }));
    expect(response.body.events).toEqual(['InformationSupplemented']);
  });

  test('a wrong code and an unknown tracking id get the same 404, and append nothing', async () => {
    const receipt = await receiptAt('in_progress');
    const before = (await eventsOf(receipt.id)).length;
    const other = await receiptAt('submitted');
    const wrongCode = await expectAnswer(404, act(receipt.trackingId, 'reply', other.accessCode, { text: 'Coba-coba.' }));
    const unknownId = await expectAnswer(404, act('0000000000000', 'reply', receipt.accessCode, { text: 'Coba-coba.' }));
    expect(unknownId.body).toEqual(wrongCode.body);
    expect(unknownId.headers['content-type']).toBe(wrongCode.headers['content-type']);
    expect(wrongCode.body).toMatchObject({ status: 404, code: 'not_found' });
    expect(await eventsOf(receipt.id)).toHaveLength(before);
  });

  test('a domain refusal is the domain\'s 409 for the code holder', async () => {
    const receipt = await receiptAt('in_progress');
    const response = await expectAnswer(409, act(receipt.trackingId, 'rate', receipt.accessCode, { score: 4 }));
    expect(response.body).toMatchObject({ code: 'not_resolved' });
  });

  test('bad bodies, a missing code and a mistyped tracking id are 400s naming each field', async () => {
    const receipt = await receiptAt('resolved');
    const unknownField = await expectAnswer(400, act(receipt.trackingId, 'rate', receipt.accessCode, { score: 9, status: 'closed' }));
    expect(unknownField.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'body.score' }), { path: 'body.status', message: 'unknown field' }]),
    );
    const blank = await expectAnswer(400, act(receipt.trackingId, 'reply', receipt.accessCode, { text: '   ' }));
    expect(blank.body.errors).toEqual([expect.objectContaining({ path: 'body.text' })]);
    const noCode = await expectAnswer(400, act(receipt.trackingId, 'reply', undefined, { text: 'Halo.' }));
    expect(noCode.body.errors).toEqual([expect.objectContaining({ path: 'headers.x-access-code' })]);
    const mistyped = await expectAnswer(400, act('ABC', 'reply', receipt.accessCode, { text: 'Halo.' }));
    expect(mistyped.body.errors).toEqual([expect.objectContaining({ path: 'params.trackingId' })]);
  });

  test('an idempotent retry returns the first answer and appends nothing; the key with another body is a 422', async () => {
    const receipt = await receiptAt('in_progress');
    const key = { 'idempotency-key': randomUUID() };
    const first = await expectAnswer(200, act(receipt.trackingId, 'reply', receipt.accessCode, { text: 'Satu kali saja.' }, key));
    const count = (await eventsOf(receipt.id)).length;
    const retry = await expectAnswer(200, act(receipt.trackingId, 'reply', receipt.accessCode, { text: 'Satu kali saja.' }, key));
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await eventsOf(receipt.id)).toHaveLength(count);
    await expectAnswer(422, act(receipt.trackingId, 'reply', receipt.accessCode, { text: 'Isi lain.' }, key));
    expect(await eventsOf(receipt.id)).toHaveLength(count);
  });

  test('a wrong code is not remembered under its Idempotency-Key: the retry with the right code acts', async () => {
    const receipt = await receiptAt('in_progress');
    const key = { 'idempotency-key': randomUUID() };
    await expectAnswer(404, act(receipt.trackingId, 'reply', 'AAAAA-AAAAA', { text: 'Salah ketik kode.' }, key));
    await expectAnswer(200, act(receipt.trackingId, 'reply', receipt.accessCode, { text: 'Salah ketik kode.' }, key));
  });

  test('a stale If-Match is a 412 with the current revision', async () => {
    const receipt = await receiptAt('in_progress');
    const response = await expectAnswer(412, act(receipt.trackingId, 'reply', receipt.accessCode, { text: 'Halo.' }, { 'if-match': '"0"' }));
    expect(response.body.currentRevision).toBe((await eventsOf(receipt.id)).length - 1);
  });

  test('a token is not read: a reporter login with the code still acts as the anonymous public', async () => {
    const receipt = await receiptAt('in_progress');
    const login = await apiClient(harness()).as.reporter('acct-not-the-filer');
    await expectAnswer(200, act(receipt.trackingId, 'reply', receipt.accessCode, { text: 'Dari akun lain.' }, { authorization: login }));
    expect((await eventsOf(receipt.id)).at(-1)!.metadata.actor).toEqual({ id: 'anonymous', role: 'public' });
  });
});

describe('reporter actions by receipt: access-code tries (PostgreSQL, 3 per hour)', () => {
  test('reads and actions share the allowance, only wrong codes spend it: the right code passes until the third wrong guess, then even it is 429 with Retry-After', async () => {
    const on = limited.harness();
    const receipt = await receiptAt('in_progress', on);
    await expectAnswer(404, act(receipt.trackingId, 'reply', 'AAAAA-AAAAA', { text: 'Tebak.' }, {}, on), on);
    expect((await request(on.app).get(`/api/reporter/complaints/${receipt.trackingId}`).set('x-access-code', 'BBBBB-BBBBB')).status).toBe(404);
    for (const text of ['Yang benar.', 'Masih benar.', 'Tetap benar.']) await expectAnswer(200, act(receipt.trackingId, 'reply', receipt.accessCode, { text }, {}, on), on);
    expect((await request(on.app).get(`/api/reporter/complaints/${receipt.trackingId}`).set('x-access-code', 'CCCCC-CCCCC')).status).toBe(404);
    const blocked = await expectAnswer(429, act(receipt.trackingId, 'reply', receipt.accessCode, { text: 'Lagi.' }, {}, on), on);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});
