import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { bearerAuthenticator } from '../../app/http/authenticate';
import { createApp } from '../../app/http/createApp';
import { createLogger } from '../../app/logger';
import { complaintStreamId } from '../../commands/complaintStream';
import { agencyRegistry } from '../../domain/routing';
import { createReadApi } from '../../read-api/readApi';
import { apiClient, validReport } from '../commands/http/apiHarness';
import type { ReadApiHarness } from './readApiHarness';
import { AGENCY_A, AGENCY_B, buildStaffFixture, PARENT_OF_A, READ_NOW, type FixtureComplaint } from './staffFixture';

type Items = { items: Record<string, unknown>[]; next?: string };

/** The agency and Ombudsman routers on the staff fixture plus three complaints of their own; every answer checked against the document. */
export function staffApiSuite(label: string, harness: () => ReadApiHarness): void {
  let fixture: FixtureComplaint[];
  let api: ReturnType<typeof apiClient>;
  let waiting: string; // disposed to B, not yet answered: B's most urgent
  let bouncing: string; // declined twice by A
  let unowned: string; // never routed

  async function get(path: string, authorization?: string) {
    const call = request(harness().app).get(path);
    if (authorization !== undefined) call.set('authorization', authorization);
    const response = await call;
    harness().conformance.assertConforms(response);
    return response;
  }
  async function ok(path: string, authorization?: string) {
    const response = await get(path, authorization);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.text.slice(0, 400)}`);
    return response;
  }
  async function act(id: string, action: string, authorization: string, body: object) {
    const response = await api.act(id, action, authorization, body);
    if (response.status !== 200) throw new Error(`${action}: ${response.status} ${response.text}`);
  }
  const identityReads = async (id: string) =>
    (await harness().store.readStream(complaintStreamId(id))).filter((e) => e.type === 'ReporterIdentityAccessed');

  beforeAll(async () => {
    api = apiClient(harness());
    fixture = await buildStaffFixture(harness());
    const admin = await api.as.admin();
    const officerA = await api.as.officer(AGENCY_A);
    waiting = await api.file('acct-waiting', validReport({ regionCode: '31.71' }));
    await act(waiting, 'dispose', admin, { agencyId: AGENCY_B });
    bouncing = await api.file('acct-bouncing', validReport({ regionCode: '31.71' }));
    for (let round = 0; round < 2; round++) {
      await act(bouncing, 'dispose', admin, { agencyId: AGENCY_A });
      await act(bouncing, 'decline', officerA, { reason: 'Bukan wewenang kami.' });
    }
    unowned = await api.file('acct-unowned', validReport({ regionCode: '31.71' }));
    await harness().project();
  }, 120_000);

  describe(`${label}: GET /api/agencies/{agencyId}/queue`, () => {
    test("lists what the agency must act on, most urgent first, with due dates and overdue flags, without the reporter's identity", async () => {
      const { body } = await ok(`/api/agencies/${AGENCY_B}/queue`, await api.as.officer(AGENCY_B));
      const items = (body as Items).items;
      expect(items.map((i) => i.complaintId)).toEqual([waiting, ...fixture.map((c) => c.id).sort()]);
      // Response by 10 March (5 working days from 3 March) comes before the reply window to 17 March.
      expect(items[0]).toMatchObject({ status: 'disposed', deadline: { stage: 'agency_response', dueAt: '2025-03-10T23:59:59.999+07:00' }, overdue: true });
      expect(items[1]).toMatchObject({ status: 'resolved', deadline: { stage: 'reporter_reply', dueAt: '2025-03-17T23:59:59.999+07:00' }, overdue: true });
      for (const item of items) expect(Object.keys(item).filter((k) => k.startsWith('reporter'))).toEqual([]);
    });

    test('filters by stage, status and overdue, and pages with a cursor', async () => {
      const officerB = await api.as.officer(AGENCY_B);
      const ids = async (query: string) => ((await ok(`/api/agencies/${AGENCY_B}/queue?${query}`, officerB)).body as Items).items.map((i) => i.complaintId);
      expect(await ids('stage=agency_response')).toEqual([waiting]);
      expect((await ids('status=resolved')).sort()).toEqual(fixture.map((c) => c.id).sort());
      expect(await ids('overdue=false')).toEqual([]);
      expect(await ids('overdue=true')).toHaveLength(5);
      const first = (await ok(`/api/agencies/${AGENCY_B}/queue?limit=2`, officerB)).body as Items;
      const second = (await ok(`/api/agencies/${AGENCY_B}/queue?limit=2&cursor=${first.next}`, officerB)).body as Items;
      expect(second.items.map((i) => i.complaintId)).toEqual((await ids('limit=4')).slice(2, 4));
    });

    test("is readable by the parent agency's officers; an agency that declined everything has an empty queue", async () => {
      for (const officer of [AGENCY_A, PARENT_OF_A]) {
        expect(((await ok(`/api/agencies/${AGENCY_A}/queue`, await api.as.officer(officer))).body as Items).items).toEqual([]);
      }
    });

    test('refuses a query it does not know with a 400 naming the field', async () => {
      const response = await get(`/api/agencies/${AGENCY_B}/queue?overdue=yes&sort=x`, await api.as.officer(AGENCY_B));
      expect(response.status).toBe(400);
      expect((response.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(['query.overdue', 'query.sort']);
    });
  });

  describe(`${label}: GET /api/agencies/{agencyId}/complaints/{id}`, () => {
    test("gives one of the agency's cases as it sees it, and records the reporter name shown as the officer's read", async () => {
      const named = fixture.find((c) => !c.anonymous)!;
      const before = (await identityReads(named.id)).length;
      const view = (await ok(`/api/agencies/${AGENCY_A}/complaints/${named.id}`, await api.as.officer(AGENCY_A))).body as Record<string, unknown>;
      expect(view).toMatchObject({ complaintId: named.id, audience: 'agency', reporterName: named.canaries.name });
      expect(view).not.toHaveProperty('reporterContact');
      const added = (await identityReads(named.id)).slice(before);
      expect(added.map((e) => e.data)).toEqual([{ fields: ['name'], readVia: 'agencyComplaint', asAgencyId: AGENCY_A, at: new Date(READ_NOW).toISOString() }]);
    });

    test("another agency's officer, and a complaint the agency never had, get the same 404", async () => {
      const named = fixture[0]!;
      expect((await get(`/api/agencies/${AGENCY_A}/complaints/${named.id}`, await api.as.officer(AGENCY_B))).status).toBe(404);
      expect((await get(`/api/agencies/${AGENCY_A}/complaints/${unowned}`, await api.as.officer(AGENCY_A))).status).toBe(404);
    });
  });

  describe(`${label}: GET /api/agencies/{agencyId}/feed`, () => {
    test('gives every case the agency was involved in, as it sees them, and nothing after the last position', async () => {
      const officerA = await api.as.officer(AGENCY_A);
      const page = (await ok(`/api/agencies/${AGENCY_A}/feed`, officerA)).body as { items: { position: string; view: Record<string, unknown> }[]; next: string };
      expect(page.items.map((i) => i.view.complaintId).sort()).toEqual([...fixture.map((c) => c.id), bouncing].sort());
      const positions = page.items.map((i) => i.position);
      expect([...positions].sort()).toEqual(positions);
      expect(page.next).toBe(positions.at(-1));
      for (const complaint of fixture) {
        const view = page.items.find((i) => i.view.complaintId === complaint.id)?.view;
        expect(view).toMatchObject({ audience: 'agency', reporterName: complaint.anonymous ? 'Anonim' : complaint.canaries.name });
        expect(view).not.toHaveProperty('reporterContact');
        expect(JSON.stringify(view)).not.toContain(complaint.canaries.internalNote);
      }
      expect(((await ok(`/api/agencies/${AGENCY_A}/feed?after=${page.next}`, officerA)).body as Items).items).toEqual([]);
    });

    test("records each reporter name it shows in the ledger, as the officer's read, before answering; anonymous ones show none", async () => {
      const officer = await api.as.officer(PARENT_OF_A);
      const before = new Map(await Promise.all(fixture.map(async (c) => [c.id, (await identityReads(c.id)).length] as const)));
      await ok(`/api/agencies/${AGENCY_A}/feed`, officer);
      for (const complaint of fixture) {
        const reads = await identityReads(complaint.id);
        const added = reads.slice(before.get(complaint.id));
        if (complaint.anonymous) {
          expect(added).toEqual([]);
          continue;
        }
        expect(added).toHaveLength(1);
        expect(added[0]?.metadata.actor).toEqual({ id: `officer-${PARENT_OF_A}`, role: 'agency_officer', agencyId: PARENT_OF_A });
        expect(added[0]?.data).toEqual({ fields: ['name'], readVia: 'agencyFeed', asAgencyId: AGENCY_A, at: new Date(READ_NOW).toISOString() });
      }
    });

    test('a long poll answers as soon as a change reaches the read model', async () => {
      const officerB = await api.as.officer(AGENCY_B);
      const head = ((await ok(`/api/agencies/${AGENCY_B}/feed?limit=100`, officerB)).body as Items).next;
      let answered = false;
      const polled = get(`/api/agencies/${AGENCY_B}/feed?after=${head}&wait=25`, officerB).finally(() => {
        answered = true;
      });
      await act(waiting, 'accept', officerB, { resolutionClass: 'medium' });
      // Projected until the poll answers: on a shared cluster another session's open transaction can hold the event back a while.
      while (!answered) {
        await harness().project();
        await sleep(100);
      }
      const response = await polled;
      expect(response.status).toBe(200);
      // A poll that timed out would be empty: the change itself ended it.
      expect((response.body as Items).items.map((i) => (i.view as { complaintId: string }).complaintId)).toEqual([waiting]);
    });

    test('a long poll with nothing new answers an empty page that keeps the position', async () => {
      const officerB = await api.as.officer(AGENCY_B);
      const head = ((await ok(`/api/agencies/${AGENCY_B}/feed?limit=100`, officerB)).body as Items).next;
      const response = await ok(`/api/agencies/${AGENCY_B}/feed?after=${head}&wait=1`, officerB);
      expect(response.body).toEqual({ items: [], next: head });
    });
  });

  describe(`${label}: the Ombudsman's lists`, () => {
    const ids = async (path: string) => ((await ok(path, await api.as.ombudsman())).body as Items).items.map((i) => i.complaintId);

    test('breaches: open complaints past the deadline of their stage, filtered by stage', async () => {
      expect((await ids('/api/oversight/breaches?stage=reporter_reply')).sort()).toEqual(fixture.map((c) => c.id).sort());
      expect(await ids('/api/oversight/breaches?stage=verification')).toEqual(expect.arrayContaining([unowned, bouncing]));
      expect(await ids('/api/oversight/breaches?stage=information')).toEqual([]);
    });

    test('bouncing: declined two or more times, with the count', async () => {
      const { body } = await ok('/api/oversight/bouncing', await api.as.admin());
      expect((body as Items).items).toEqual([expect.objectContaining({ complaintId: bouncing, declineCount: 2, agenciesInvolved: [AGENCY_A] })]);
      expect(await ids('/api/oversight/bouncing?minDeclines=3')).toEqual([]);
    });

    test('unowned: in the admin queue longer than the limit', async () => {
      // Both came back to (or stayed in) the admin queue at the same instant: their order is by id.
      expect((await ids('/api/oversight/unowned')).sort()).toEqual([unowned, bouncing].sort());
      expect(await ids('/api/oversight/unowned?olderThanDays=365')).toEqual([]);
    });

    test('agency compliance: assignments, declines and on-time answers per agency', async () => {
      const { body } = await ok('/api/oversight/agencies', await api.as.ombudsman());
      const byAgency = new Map((body as Items).items.map((i) => [i.agencyId, i]));
      expect(byAgency.get(AGENCY_A)).toMatchObject({ assigned: 6, declined: 6, resolved: 0 });
      expect(byAgency.get(AGENCY_B)).toMatchObject({ assigned: 5, resolved: 4 });
    });

    test('summaries carry no identity: no reporter field in any list item', async () => {
      for (const path of ['/api/oversight/breaches', '/api/oversight/bouncing', '/api/oversight/unowned']) {
        const { body } = await ok(path, await api.as.ombudsman());
        for (const item of (body as Items).items) expect(Object.keys(item).filter((k) => k.startsWith('reporter'))).toEqual([]);
      }
    });
  });

  describe(`${label}: one complaint for the Ombudsman`, () => {
    test('the case file shows identity and contact, and the read is in the ledger before the answer', async () => {
      const complaint = fixture.find((c) => c.anonymous && c.confidential)!;
      const { body } = await ok(`/api/oversight/complaints/${complaint.id}`, await api.as.ombudsman());
      expect(body).toMatchObject({
        audience: 'ombudsman',
        reporterName: complaint.canaries.name,
        reporterContact: { phone: complaint.canaries.phone, email: complaint.canaries.email, nik: complaint.canaries.nik },
      });
      const last = (await identityReads(complaint.id)).at(-1);
      expect(last?.metadata.actor).toEqual({ id: 'ombudsman-1', role: 'ombudsman' });
      expect(last?.data).toMatchObject({ fields: ['name', 'contact'], readVia: 'oversightComplaint' });
    });

    test('the history: every event from the ledger with actors and times, the identity reads among them, and a valid hash chain', async () => {
      const complaint = fixture[0]!;
      const { body } = await ok(`/api/oversight/complaints/${complaint.id}/history`, await api.as.ombudsman());
      const history = body as { events: { revision: number; type: string; actor: { role: string }; occurredAt: string; hash: string }[]; verification: unknown };
      const stored = await harness().store.readStream(complaintStreamId(complaint.id));
      expect(history.events.map((e) => [e.revision, e.type, e.actor.role, e.hash])).toEqual(stored.map((e) => [e.streamRevision, e.type, e.metadata.actor.role, e.hash]));
      expect(history.events.slice(0, 9).map((e) => `${e.type}:${e.actor.role}`)).toEqual([
        'ComplaintSubmitted:reporter',
        'ComplaintVerified:admin',
        'ComplaintDisposed:admin',
        'AssignmentDeclined:agency_officer',
        'ComplaintDisposed:admin',
        'AssignmentAccepted:agency_officer',
        'FollowUpPosted:agency_officer',
        'FollowUpPosted:agency_officer',
        'ReporterReplied:reporter',
      ]);
      expect(history.events.some((e) => e.type === 'ReporterIdentityAccessed' && e.actor.role === 'agency_officer')).toBe(true);
      expect(history.verification).toEqual({ valid: true, eventCount: stored.length, headHash: stored.at(-1)?.hash });
      const submitted = history.events[0] as unknown as { data: Record<string, unknown>; withheld: string[] };
      expect(submitted.withheld).toEqual(['accessCodeHash']);
      expect(submitted.data).not.toHaveProperty('accessCodeHash');
      expect(submitted.data).toMatchObject({ complaintId: complaint.id, trackingId: complaint.trackingId, anonymous: false });
    });

    test('an unknown complaint id is the same 404 as a complaint the caller may not oversee', async () => {
      const unknown = await get('/api/oversight/complaints/00000000-0000-4000-8000-000000000000/history', await api.as.ombudsman());
      const notYours = await get(`/api/oversight/complaints/${fixture[0]!.id}/history`, await api.as.officer(AGENCY_B));
      expect([unknown.status, notYours.status]).toEqual([404, 404]);
      expect(notYours.body).toEqual(unknown.body);
    });

    test('a read whose identity access cannot be recorded is refused, and shows nothing', async () => {
      const failingLedger = { appendToStream: () => Promise.reject(new Error('ledger unavailable')), readStream: harness().store.readStream.bind(harness().store) };
      const readApi = createReadApi({
        reader: harness().readStore,
        authenticate: bearerAuthenticator(harness().tokens.verify),
        agencies: agencyRegistry,
        accessCodes: harness().accessCodes,
        staff: { ledger: failingLedger, clock: () => new Date(READ_NOW) },
      });
      const app = createApp({ logger: createLogger('silent'), routers: [readApi.router], checkReadiness: async () => ({ ready: true, detail: {} }) });
      const complaint = fixture[0]!;
      const response = await request(app).get(`/api/oversight/complaints/${complaint.id}`).set('authorization', await api.as.ombudsman());
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toMatchObject({ code: 'identity_read_not_recorded' });
      expect(response.text).not.toContain(complaint.canaries.name);
      expect(response.text).not.toContain(complaint.canaries.phone);
    });
  });
}
