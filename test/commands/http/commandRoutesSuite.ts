import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { reporterKeyId } from '../../../commands/intake/personalDataKeys';
import { complaintStreamId } from '../../../commands/complaintStream';
import { SealedPersonalData } from '../../../domain/personalData';
import { untilStreamVisible } from '../../eventstore/postgres/ledgerVisibility';
import { apiClient, OTHER_AGENCY, UNIT, validReport, type ApiHarness } from './apiHarness';

type Api = ReturnType<typeof apiClient>;
type Stage = 'submitted' | 'disposed' | 'in_progress' | 'resolved';
type Who = (api: Api, reporter: string) => Promise<string>;

const admin: Who = (api) => api.as.admin();
const officer: Who = (api) => api.as.officer();
const theReporter: Who = (api, reporter) => api.as.reporter(reporter);
const anotherReporter: Who = (api) => api.as.reporter(`acct-${randomUUID()}`);
const ombudsman: Who = (api) => api.as.ombudsman();

/** Each action once, from the stage it needs, by the one who may take it. */
const happyPaths: [action: string, stage: Stage, who: Who, body: unknown, events: string[]][] = [
  ['dispose', 'submitted', admin, { agencyId: 'pemkot-32.73' }, ['ComplaintVerified', 'ComplaintDisposed']],
  ['assign', 'submitted', admin, { agencyId: 'pemkot-32.73', note: 'Wewenang Pemkot Bandung' }, ['ComplaintVerified', 'ComplaintDisposed']],
  ['verify', 'submitted', admin, { agencyId: 'pemkot-32.73' }, ['ComplaintVerified', 'ComplaintDisposed']],
  ['reject', 'submitted', admin, { rejection: { reason: 'spam' } }, ['ComplaintRejected']],
  ['archive', 'submitted', admin, { rejection: { reason: 'out_of_scope', matter: 'criminal' } }, ['ComplaintRejected']],
  ['hold', 'submitted', admin, { reason: 'Menunggu data BPS' }, ['ComplaintPutOnHold']],
  ['request-information', 'submitted', admin, { question: 'Di nomor berapa tepatnya?' }, ['InformationRequested']],
  ['merge', 'submitted', admin, { masterComplaintId: randomUUID() }, ['ComplaintMerged']],
  ['redact', 'submitted', admin, { title: 'Jalan berlubang', chronology: 'Lubang besar di depan pasar.' }, ['PublicTextRedacted']],
  ['accept', 'disposed', officer, { resolutionClass: 'short' }, ['AssignmentAccepted']],
  ['decline', 'disposed', officer, { reason: 'Jalan nasional, bukan wewenang kota', suggestedAgencyId: 'kemenpu' }, ['AssignmentDeclined']],
  ['delegate', 'in_progress', officer, { unitId: UNIT }, ['ComplaintDelegated']],
  ['follow-ups', 'in_progress', officer, { visibility: 'public', text: 'Tim sudah meninjau lokasi.' }, ['FollowUpPosted']],
  ['resolve', 'in_progress', officer, { summary: 'Lubang sudah ditambal.' }, ['ComplaintResolved']],
  ['reply', 'in_progress', theReporter, { text: 'Terima kasih.' }, ['ReporterReplied']],
  ['supplement', 'submitted', theReporter, { text: 'Foto menyusul.', attachments: [] }, ['InformationSupplemented']],
  ['rate', 'resolved', theReporter, { score: 5, comment: 'Cepat.' }, ['OutcomeRated']],
  ['reopen', 'resolved', theReporter, { reason: 'Masih ada satu lubang.' }, ['ComplaintReopened']],
  ['oversight-findings', 'submitted', ombudsman, { finding: 'Penundaan berlarut.', maladministration: true }, ['OversightFindingRecorded']],
  ['support', 'submitted', anotherReporter, undefined, ['ComplaintSupported']],
  ['make-confidential', 'submitted', theReporter, {}, ['ComplaintMadeConfidential']],
  ['erase-reporter-data', 'submitted', admin, {}, ['ReporterDataErased']],
];

/** Route tests of the write side, run against PostgreSQL and PGlite alike. */
export function commandRoutesSuite(label: string, harness: () => ApiHarness): void {
  let api: Api;
  beforeAll(() => {
    api = apiClient(harness());
  });

  describe(`${label}: POST /api/complaints`, () => {
    test('files a public complaint: 201 with id, tracking id and access code; the ledger holds only sealed data and a hash', async () => {
      const response = await request(harness().app).post('/api/complaints').send(validReport());
      expect(response.status).toBe(201);
      expect(response.body).toEqual({ id: expect.any(String), trackingId: expect.stringMatching(/^[0-9A-Z*~$=]{13}$/), accessCode: expect.stringMatching(/^[0-9A-Z]{10}$/) });
      expect(response.headers.location).toBe(`/api/complaints/${response.body.id}`);
      expect(response.headers.etag).toBe('"0"');
      const [submitted] = await api.events(response.body.id);
      expect(submitted?.type).toBe('ComplaintSubmitted');
      expect(JSON.stringify(submitted?.data)).not.toMatch(/Budi|0812|3273012345678901|"accessCode"/);
      const data = submitted?.data as { accessCodeHash: string; reporter: unknown; reporterAccountId?: string };
      expect(data.reporterAccountId).toBeUndefined();
      await expect(harness().accessCodes.verify(response.body.accessCode, data.accessCodeHash)).resolves.toBe(true);
      const opened = await harness().vault.open(SealedPersonalData.parse(data.reporter));
      expect(opened).toEqual({ erased: false, data: { name: 'Budi Santoso', phone: '081234567890', nik: '3273012345678901' } });
      expect(submitted?.metadata).toMatchObject({ actor: { id: 'anonymous', role: 'public' }, channel: 'web' });
    });

    test('a signed-in reporter files under their account, sealed with the account key', async () => {
      const id = await api.file('acct-budi');
      const [submitted] = await api.events(id);
      const data = submitted?.data as { reporterAccountId: string; reporter: { keyId: string } };
      expect(data.reporterAccountId).toBe('acct-budi');
      expect(data.reporter.keyId).toBe(reporterKeyId('acct-budi'));
    });

    test('bad input: 400 naming every failing field, unknown fields included', async () => {
      const response = await request(harness().app)
        .post('/api/complaints')
        .send({ ...validReport({ title: '   ', regionCode: '99.99', category: 'tidak-ada', reporter: { nik: '123' } }), status: 'resolved', agencyId: 'kemenkes' });
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const paths = (response.body.errors as { path: string }[]).map((e) => e.path).sort();
      expect(paths).toEqual(['body.agencyId', 'body.category', 'body.regionCode', 'body.reporter.nik', 'body.status', 'body.title']);
      expect(response.body).toMatchObject({ status: 400, code: 'validation_failed', type: expect.any(String), title: expect.any(String) });
    });

    test.each([
      ['malformed JSON', (r: request.Test) => r.set('content-type', 'application/json').send('{"kind": '), 400, 'malformed_json'],
      ['an array', (r: request.Test) => r.send([validReport()]), 400, 'validation_failed'],
      ['a JSON string', (r: request.Test) => r.set('content-type', 'application/json').send('"hello"'), 400, 'malformed_json'],
      ['text/plain', (r: request.Test) => r.set('content-type', 'text/plain').send('LAPOR jalan rusak'), 415, 'unsupported_media_type'],
      ['a body over the limit', (r: request.Test) => r.send(validReport({ chronology: 'x'.repeat(200_000) })), 413, 'body_too_large'],
      ['no body', (r: request.Test) => r, 400, 'validation_failed'],
      ['a NUL character', (r: request.Test) => r.send(validReport({ title: 'a\u0000b' })), 400, 'validation_failed'],
      ['an unknown charset', (r: request.Test) => r.set('content-type', 'application/json; charset=klingon').send('{}'), 415, 'unsupported_charset'],
    ])('%s: a problem, never a 500', async (_name, send, status, code) => {
      const response = await send(request(harness().app).post('/api/complaints'));
      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
    });

    test('a staff token cannot file (403); a bad token is 401, not a quiet public submission', async () => {
      const asAdmin = await request(harness().app).post('/api/complaints').set('authorization', await api.as.admin()).send(validReport());
      expect(asAdmin.status).toBe(403);
      expect(asAdmin.body.code).toBe('role_not_permitted');
      const badToken = await request(harness().app).post('/api/complaints').set('authorization', 'Bearer not.a.token').send(validReport());
      expect(badToken.status).toBe(401);
    });

    test('an incident date in the future is the domain refusing: 409', async () => {
      const response = await request(harness().app).post('/api/complaints').send(validReport({ incidentDate: '2025-12-31' }));
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'incident_date_in_future', detail: 'the incident date cannot be in the future' });
    });
  });

  describe(`${label}: POST /api/complaints/{id}/{action}`, () => {
    test.each(happyPaths)('%s', async (action, stage, who, body, expectedEvents) => {
      const { id, reporter } = await api.complaintAt(stage);
      const before = (await api.events(id)).length;
      const response = await api.act(id, action, await who(api, reporter), body);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ complaintId: id, revision: before + response.body.events.length - 1 });
      expect(response.body.events).toEqual(expect.arrayContaining(expectedEvents));
      expect(response.headers.etag).toBe(`"${response.body.revision}"`);
      const appended = (await api.events(id)).slice(before);
      expect(appended.map((e) => e.type)).toEqual(response.body.events);
      if (action === 'follow-ups') expect(appended[0]?.data).toMatchObject({ followUpId: response.body.followUpId, attachments: [] });
      if (action === 'oversight-findings') expect(appended[0]?.data).toMatchObject({ findingId: response.body.findingId });
    });

    test('erase-reporter-data destroys the key first: the sealed reporter reads as erased', async () => {
      const { id } = await api.complaintAt('submitted');
      const sealed = SealedPersonalData.parse((await api.events(id))[0]?.data && ((await api.events(id))[0]!.data as { reporter: unknown }).reporter);
      expect(await harness().vault.open(sealed)).toMatchObject({ erased: false });
      expect((await api.act(id, 'erase-reporter-data', await api.as.admin(), {})).status).toBe(200);
      expect(await harness().vault.open(sealed)).toEqual({ erased: true });
    });

    test('bad input: 400 with field paths; mass assignment refused', async () => {
      const { id } = await api.complaintAt('disposed');
      const response = await api.act(id, 'accept', await api.as.officer(), { resolutionClass: 'someday', status: 'closed', agencyId: OTHER_AGENCY });
      expect(response.status).toBe(400);
      expect((response.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['body.agencyId', 'body.resolutionClass', 'body.status']);
      const badId = await api.act('not-a-uuid', 'accept', await api.as.officer(), { resolutionClass: 'short' });
      expect(badId.status).toBe(400);
      expect(badId.body.errors).toEqual([{ path: 'params.id', message: expect.any(String) }]);
    });

    test('permission: 403 with the domain reason (wrong agency, wrong role, another reporter)', async () => {
      const { id } = await api.complaintAt('disposed');
      const wrongAgency = await api.act(id, 'accept', await api.as.officer(OTHER_AGENCY), { resolutionClass: 'short' });
      expect(wrongAgency.status).toBe(403);
      expect(wrongAgency.body.code).toBe('not_the_owning_agency');
      const reporterDisposes = await api.act(id, 'dispose', await api.as.reporter('acct-x'), { agencyId: OTHER_AGENCY });
      expect(reporterDisposes.status).toBe(403);
      expect(reporterDisposes.body.code).toBe('role_not_permitted');
      const notTheirs = await api.act(id, 'make-confidential', await api.as.reporter('acct-stranger'), {});
      expect(notTheirs.status).toBe(403);
      expect(notTheirs.body.code).toBe('not_the_reporter');
    });

    test('domain conflicts: 409 with the reason; unknown agency too', async () => {
      const { id } = await api.complaintAt('in_progress');
      const again = await api.act(id, 'accept', await api.as.officer(), { resolutionClass: 'short' });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'not_awaiting_acceptance', detail: 'the complaint is not awaiting acceptance' });
      const fresh = await api.complaintAt('submitted');
      const unknown = await api.act(fresh.id, 'dispose', await api.as.admin(), { agencyId: 'no-such-agency' });
      expect(unknown.status).toBe(409);
      expect(unknown.body.code).toBe('unknown_agency');
    });

    test('an unknown complaint is 404, an unknown action 404, no token 401', async () => {
      expect((await api.act(randomUUID(), 'accept', await api.as.officer(), { resolutionClass: 'short' })).status).toBe(404);
      for (const action of ['fly', 'constructor', '__proto__', 'toString']) {
        const response = await api.act(randomUUID(), action, await api.as.admin(), {});
        expect(response.status).toBe(404);
        expect(response.body.code).toBe('unknown_action');
      }
      const anonymous = await api.act(randomUUID(), 'hold', undefined, { reason: 'x' });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
    });

    test('If-Match: the current revision passes; a stale one is 412 with the current revision; a malformed one 400', async () => {
      const { id } = await api.complaintAt('disposed');
      const stale = await api.act(id, 'accept', await api.as.officer(), { resolutionClass: 'short' }, { 'if-match': '"0"' });
      expect(stale.status).toBe(412);
      expect(stale.body).toMatchObject({ code: 'stale_revision', currentRevision: 2 });
      expect(stale.headers.etag).toBe('"2"');
      expect((await api.events(id)).length).toBe(3);
      const current = await api.act(id, 'accept', await api.as.officer(), { resolutionClass: 'short' }, { 'if-match': '"2"' });
      expect(current.status).toBe(200);
      const malformed = await api.act(id, 'resolve', await api.as.officer(), { summary: 'x' }, { 'if-match': 'yesterday' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].path).toBe('headers.if-match');
    });
  });

  describe(`${label}: POST /api/reporters/{id}/erase`, () => {
    test('the reporter erases themselves: every envelope under their key reads as erased', async () => {
      const reporter = `acct-${randomUUID()}`;
      const id = await api.file(reporter);
      const sealed = SealedPersonalData.parse(((await api.events(id))[0]!.data as { reporter: unknown }).reporter);
      // The erasure finds the reporter's complaints in the ledger as a gap-safe reader sees it.
      await untilStreamVisible(harness().store, complaintStreamId(id));
      const response = await request(harness().app).post(`/api/reporters/${reporter}/erase`).set('authorization', await api.as.reporter(reporter)).send({});
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ reporterId: reporter, erased: true, complaintsMarked: 1, completed: false });
      expect((await api.events(id)).map((event) => event.type)).toEqual(['ComplaintSubmitted', 'ReporterDataErased']);
      expect(await harness().vault.open(sealed)).toEqual({ erased: true });
      // An erased account files nothing more under its identity.
      const again = await request(harness().app).post('/api/complaints').set('authorization', await api.as.reporter(reporter)).send(validReport());
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('reporter_erased');
    });

    test('another reporter may not (403); an admin may; no token 401', async () => {
      const reporter = `acct-${randomUUID()}`;
      const other = await request(harness().app).post(`/api/reporters/${reporter}/erase`).set('authorization', await api.as.reporter('acct-other'));
      expect(other.status).toBe(403);
      const byAdmin = await request(harness().app).post(`/api/reporters/${reporter}/erase`).set('authorization', await api.as.admin());
      expect(byAdmin.status).toBe(200);
      expect((await request(harness().app).post(`/api/reporters/${reporter}/erase`)).status).toBe(401);
    });
  });
}
