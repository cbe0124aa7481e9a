import request from 'supertest';
import { apiClient } from '../commands/http/apiHarness';
import { AGENCY_A, AGENCY_B, AGENCY_C, PARENT_OF_A, staffFixtureOnPostgres, type FixtureComplaint } from './staffFixture';

const opened = staffFixtureOnPostgres('bola');
const harness = () => opened().harness;
let fixture: FixtureComplaint[];
let tokens: Record<Role, string | undefined>;

const ROLES = ['public', 'reporter', 'officerA', 'officerB', 'officerC', 'parentOfA', 'admin', 'ombudsman', 'codeHolder'] as const;
type Role = (typeof ROLES)[number];
type Row = readonly [number, number, number, number, number, number, number, number, number];

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  fixture = opened().fixture;
  const api = apiClient(harness());
  tokens = {
    public: undefined,
    // The owner of fixture[0] (fixture[1] is someone else's).
    reporter: await api.as.reporter(fixture[0]!.reporterAccount),
    officerA: await api.as.officer(AGENCY_A),
    officerB: await api.as.officer(AGENCY_B),
    officerC: await api.as.officer(AGENCY_C),
    parentOfA: await api.as.officer(PARENT_OF_A),
    admin: await api.as.admin(),
    ombudsman: await api.as.ombudsman(),
    // No login: the receipt of fixture[0] in X-Access-Code, sent on every route.
    codeHolder: undefined,
  };
});

/** The status each role gets, in ROLES order; every answer checked against the document. */
async function statusesOf(path: string, heldCode = fixture[0]!.accessCode): Promise<Record<Role, number>> {
  const statuses: Partial<Record<Role, number>> = {};
  for (const role of ROLES) {
    const call = request(harness().app).get(path);
    const token = tokens[role];
    if (token !== undefined) call.set('authorization', token);
    if (role === 'codeHolder') call.set('x-access-code', heldCode);
    const response = await call;
    harness().conformance.assertConforms(response);
    statuses[role] = response.status;
  }
  return statuses as Record<Role, number>;
}

const expected = (row: Row): Record<Role, number> => Object.fromEntries(ROLES.map((role, i) => [role, row[i]])) as Record<Role, number>;

//                                 public reporter  A    B    C  parent admin omb  code
const AGENCY_A_OBJECT: Row = /*  */ [401, 404, 200, 404, 404, 200, 404, 404, 401];
const AGENCY_B_OBJECT: Row = /*  */ [401, 404, 404, 200, 404, 404, 404, 404, 401];
const NO_SUCH_AGENCY: Row = /*   */ [401, 404, 404, 404, 404, 404, 404, 404, 401];
const OVERSEEN_COMPLAINT: Row = /**/ [401, 404, 404, 404, 404, 404, 200, 200, 401];
const NO_SUCH_COMPLAINT: Row = /**/ [401, 404, 404, 404, 404, 404, 404, 404, 401];
const OWN_REPORT: Row = /*       */ [404, 200, 404, 404, 404, 404, 404, 404, 200];
const OTHERS_REPORT: Row = /*    */ [404, 404, 404, 404, 404, 404, 404, 404, 404];
const PUBLIC_OBJECT: Row = /*    */ [200, 200, 200, 200, 200, 200, 200, 200, 200];
const OVERSIGHT_LIST: Row = /*   */ [401, 403, 403, 403, 403, 403, 200, 200, 401];
const REPORTER_LIST: Row = /*    */ [401, 200, 403, 403, 403, 403, 403, 403, 401];
// Attachments: the reporter of fixture[0] is not fixture[1]'s; A declined, B resolved; the parent of A reads what A reads;
// the code holder reads as fixture[0]'s reporter (not the agency's internal note).
const PUBLIC_FILE: Row = /*      */ [200, 200, 200, 200, 200, 200, 200, 200, 200];
const CONFIDENTIAL_FILE: Row = /**/ [404, 404, 200, 200, 404, 200, 200, 200, 404];
const NOTE_OF_B_FILE: Row = /*   */ [404, 404, 404, 200, 404, 404, 200, 200, 404];
const NO_SUCH_FILE: Row = /*     */ [404, 404, 404, 404, 404, 404, 404, 404, 404];

/** The object routes this matrix covers: a new one in the document fails the first test until a row is added here. */
const COVERED_OBJECT_ROUTES = [
  '/api/agencies/{agencyId}/queue',
  '/api/agencies/{agencyId}/feed',
  '/api/agencies/{agencyId}/complaints/{id}',
  '/api/oversight/complaints/{id}',
  '/api/oversight/complaints/{id}/history',
  '/api/reporter/complaints/{trackingId}',
  '/api/public/complaints/{trackingId}',
  '/api/attachments/{attachmentId}',
];

describe('BOLA matrix (PostgreSQL): every role x every object route x own and other object, exact statuses', () => {
  // Open311 (GeoReport v2, /open311/...) is a public standard interface with no login: no role to tell apart.
  test('covers every GET route under /api/ of the document that names an object in its path', () => {
    const objectRoutes = Object.entries(harness().document.paths)
      .filter(([path, item]) => item.get !== undefined && path.startsWith('/api/') && path.includes('{'))
      .map(([path]) => path);
    expect(objectRoutes.sort()).toEqual([...COVERED_OBJECT_ROUTES].sort());
  });

  const agencyPath = (route: string) => (agency: string) => `/api/agencies/${encodeURIComponent(agency)}/${route}`;
  for (const route of ['queue', 'feed'] as const) {
    test(`GET /api/agencies/{agencyId}/${route}: its own officers and its parent's only`, async () => {
      const path = agencyPath(route);
      expect(await statusesOf(path(AGENCY_A))).toEqual(expected(AGENCY_A_OBJECT));
      expect(await statusesOf(path(AGENCY_B))).toEqual(expected(AGENCY_B_OBJECT));
      expect(await statusesOf(path('tidak-ada'))).toEqual(expected(NO_SUCH_AGENCY));
    });
  }

  test("GET /api/agencies/{agencyId}/complaints/{id}: the agency's own officers and its parent's only; unknown and not yours alike", async () => {
    const casePath = (agency: string, id: string) => `/api/agencies/${encodeURIComponent(agency)}/complaints/${id}`;
    expect(await statusesOf(casePath(AGENCY_A, fixture[0]!.id))).toEqual(expected(AGENCY_A_OBJECT));
    expect(await statusesOf(casePath(AGENCY_A, UNKNOWN_ID))).toEqual(expected(NO_SUCH_AGENCY));
    expect(await statusesOf(casePath('tidak-ada', fixture[0]!.id))).toEqual(expected(NO_SUCH_AGENCY));
  });

  for (const suffix of ['', '/history']) {
    test(`GET /api/oversight/complaints/{id}${suffix}: the Ombudsman and admins only; unknown and not yours alike`, async () => {
      expect(await statusesOf(`/api/oversight/complaints/${fixture[0]!.id}${suffix}`)).toEqual(expected(OVERSEEN_COMPLAINT));
      expect(await statusesOf(`/api/oversight/complaints/${UNKNOWN_ID}${suffix}`)).toEqual(expected(NO_SUCH_COMPLAINT));
    });
  }

  test('GET /api/reporter/complaints/{trackingId}: the owner only, by login', async () => {
    expect(await statusesOf(`/api/reporter/complaints/${fixture[0]!.trackingId}`)).toEqual(expected(OWN_REPORT));
    expect(await statusesOf(`/api/reporter/complaints/${fixture[1]!.trackingId}`)).toEqual(expected(OTHERS_REPORT));
  });

  test('GET /api/public/complaints/{trackingId}: anyone, public and confidential (status only) alike', async () => {
    expect(await statusesOf(`/api/public/complaints/${fixture[0]!.trackingId}`)).toEqual(expected(PUBLIC_OBJECT));
    expect(await statusesOf(`/api/public/complaints/${fixture[1]!.trackingId}`)).toEqual(expected(PUBLIC_OBJECT));
  });

  test('GET /api/attachments/{attachmentId}: whoever sees it referenced in their own view; unknown and not yours alike', async () => {
    const attachmentPath = (id: string) => `/api/attachments/${id}`;
    expect(await statusesOf(attachmentPath(fixture[0]!.attachments.content))).toEqual(expected(PUBLIC_FILE));
    expect(await statusesOf(attachmentPath(fixture[1]!.attachments.content))).toEqual(expected(CONFIDENTIAL_FILE));
    expect(await statusesOf(attachmentPath(fixture[0]!.attachments.internalNote))).toEqual(expected(NOTE_OF_B_FILE));
    expect(await statusesOf(attachmentPath('0'.repeat(64)))).toEqual(expected(NO_SUCH_FILE));
    // The holder of fixture[1]'s receipt reads its confidential file, not fixture[0]'s.
    expect((await statusesOf(attachmentPath(fixture[1]!.attachments.content), fixture[1]!.accessCode)).codeHolder).toBe(200);
    expect((await statusesOf(attachmentPath(fixture[0]!.attachments.internalNote), fixture[1]!.accessCode)).codeHolder).toBe(404);
  });

  test('the lists: oversight lists for the Ombudsman and admins, the own-complaint list for reporters', async () => {
    for (const list of ['breaches', 'bouncing', 'unowned', 'agencies']) {
      expect(await statusesOf(`/api/oversight/${list}`)).toEqual(expected(OVERSIGHT_LIST));
    }
    expect(await statusesOf('/api/reporter/complaints')).toEqual(expected(REPORTER_LIST));
  });

  test('"no such object" and "not yours" answer the same body, whichever route', async () => {
    const bodyOf = async (path: string, token: string | undefined) => {
      const call = request(harness().app).get(path);
      if (token !== undefined) call.set('authorization', token);
      return (await call).body as unknown;
    };
    expect(await bodyOf(agencyPath('queue')(AGENCY_B), tokens.officerA)).toEqual(await bodyOf(agencyPath('queue')('tidak-ada'), tokens.officerA));
    expect(await bodyOf(`/api/agencies/${AGENCY_A}/complaints/${fixture[0]!.id}`, tokens.officerB)).toEqual(
      await bodyOf(`/api/agencies/${AGENCY_A}/complaints/${UNKNOWN_ID}`, tokens.officerA),
    );
    expect(await bodyOf(`/api/oversight/complaints/${fixture[0]!.id}`, tokens.officerB)).toEqual(await bodyOf(`/api/oversight/complaints/${UNKNOWN_ID}`, tokens.ombudsman));
    expect(await bodyOf(`/api/attachments/${fixture[1]!.attachments.content}`, undefined)).toEqual(await bodyOf(`/api/attachments/${'0'.repeat(64)}`, tokens.admin));
    expect(await bodyOf(`/api/reporter/complaints/${fixture[1]!.trackingId}`, tokens.reporter)).toEqual(
      await bodyOf(`/api/reporter/complaints/${fixture[1]!.trackingId}`, tokens.officerB),
    );
  });
});
