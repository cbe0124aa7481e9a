import request from 'supertest';
import { apiClient } from '../commands/http/apiHarness';
import { asBytes, bodyBytesOf } from './openApiConformance';
import { AGENCY_A, AGENCY_B, AGENCY_C, PARENT_OF_A, staffFixtureOnPostgres, type FixtureComplaint } from './staffFixture';

/**
 * The leak test of issue 6: complaints in all four anonymous x confidential combinations,
 * their names, contacts and texts unique canaries, are driven through the whole lifecycle;
 * then EVERY GET route of the OpenAPI document is called, as the public, as officers of A
 * (which declined them), B (which resolved them) and unrelated C, as a reporter who owns
 * none of them, and as the holder of one receipt's access code (sent where the document takes it). A canary anywhere in an answer (body, headers, CSV, feed, error message,
 * statistics) where the DESIGN.md visibility matrix forbids it fails the test.
 */

const opened = staffFixtureOnPostgres('leak');
const harness = () => opened().harness;
let fixture: FixtureComplaint[];

const CALLERS = ['public', 'officerA', 'officerB', 'officerC', 'otherReporter', 'codeHolder'] as const;
type Caller = (typeof CALLERS)[number];
let tokens: Record<Caller, string | undefined>;

/** The GET routes we know of today (public 7, reporter 2, agency 2, Ombudsman 6, attachments 1, the document and its page): an empty document cannot pass. */
const KNOWN_GET_ROUTES = 20;

beforeAll(async () => {
  fixture = opened().fixture;
  const api = apiClient(harness());
  tokens = {
    public: undefined,
    officerA: await api.as.officer(AGENCY_A),
    officerB: await api.as.officer(AGENCY_B),
    officerC: await api.as.officer(AGENCY_C),
    otherReporter: await api.as.reporter('acct-owns-none-of-them'),
    codeHolder: undefined,
  };
  codeHeld = fixture.find((c) => c.anonymous && c.confidential)!;
});

/** The codeHolder holds the receipt of the anonymous confidential complaint (no login): that one is theirs as its reporter's, the others are the public's. */
let codeHeld: FixtureComplaint;

/** Routes whose document declares the X-Access-Code header: the codeHolder sends theirs there. */
const takesAccessCode = (template: string): boolean => harness().document.paths[template]!.get!.parameters.some((p) => p.in === 'header' && p.name === 'x-access-code');

/** The canaries of `complaint` that `caller` must never be shown, per the visibility matrix. */
function forbiddenFor(caller: Caller, complaint: FixtureComplaint): string[] {
  const { canaries: k, anonymous, confidential } = complaint;
  // A declined it, B resolved it: both were "assigned now or before". C and the other reporter are the public.
  const assigned = caller === 'officerA' || caller === 'officerB';
  // The receipt opens its own complaint as the reporter sees it: contact and all, not the agency's internal notes.
  if (caller === 'codeHolder' && complaint === codeHeld) return [k.internalNote, k.noteFile];
  return [
    k.phone, // contact: never to the public or agencies
    k.email,
    k.nik,
    ...(caller === 'officerB' ? [] : [k.internalNote, k.noteFile]), // internal notes (and their files): the writing agency's own
    ...(anonymous ? [k.name] : []), // anonymous: hidden from agencies and the public
    ...(confidential && !assigned ? [k.name, k.title, k.chronology, k.reply, k.publicFollowUp, k.contentFile] : []), // confidential: status only
  ];
}

/** Every value a path parameter can take from the fixture: known names get theirs, an unknown name gets them all. */
function candidatesFor(parameter: string): string[] {
  const trackingIds = fixture.map((c) => c.trackingId);
  const ids = fixture.map((c) => c.id);
  const agencies = [AGENCY_A, AGENCY_B, AGENCY_C, PARENT_OF_A].map(encodeURIComponent);
  if (parameter === 'trackingId') return trackingIds;
  if (parameter === 'id') return ids;
  const attachmentIds = fixture.flatMap((c) => [c.attachments.content, c.attachments.internalNote]);
  if (parameter === 'agencyId') return agencies;
  if (parameter === 'attachmentId') return attachmentIds;
  return [...trackingIds, ...ids, ...agencies, ...attachmentIds];
}

function concretePaths(template: string): string[] {
  const parameters = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  return parameters.reduce<string[]>(
    (paths, parameter) => paths.flatMap((path) => candidatesFor(parameter).map((value) => path.replace(`{${parameter}}`, value))),
    [template],
  );
}

const documentedGetRoutes = (): string[] =>
  Object.entries(harness().document.paths)
    .filter(([, item]) => item.get !== undefined)
    .map(([path]) => path);

describe('leak test (PostgreSQL): every documented GET route, as every outsider, against the visibility matrix', () => {
  test(`discovers at least the ${KNOWN_GET_ROUTES} GET routes we know of from /api/openapi.json`, async () => {
    const served = await request(harness().app).get('/api/openapi.json');
    expect(Object.keys(served.body.paths as object).sort()).toEqual(Object.keys(harness().document.paths).sort());
    expect(documentedGetRoutes().length).toBeGreaterThanOrEqual(KNOWN_GET_ROUTES);
  });

  test('no canary reaches a caller the matrix forbids it to, in any body, header or error; allowed ones do arrive', async () => {
    const leaks: string[] = [];
    const seen: Record<Caller, string> = { public: '', officerA: '', officerB: '', officerC: '', otherReporter: '', codeHolder: '' };
    for (const template of documentedGetRoutes()) {
      for (const path of concretePaths(template)) {
        for (const caller of CALLERS) {
          // Every answer buffered as bytes: supertest keeps no text of a file (a PDF attachment), and a leak there counts too.
          const call = request(harness().app)
            .get(path)
            .buffer(true)
            .parse(asBytes);
          const token = tokens[caller];
          if (token !== undefined) call.set('authorization', token);
          if (caller === 'codeHolder' && takesAccessCode(template)) call.set('x-access-code', codeHeld.accessCode);
          const response = await call;
          const answer = `${JSON.stringify(response.headers)}\n${bodyBytesOf(response)?.toString('latin1') ?? ''}`;
          seen[caller] += answer;
          for (const complaint of fixture) {
            for (const canary of forbiddenFor(caller, complaint)) {
              if (answer.includes(canary)) {
                leaks.push(`${caller} GET ${path} -> ${response.status}: ${canary} of the ${complaint.anonymous ? 'anonymous' : 'named'} ${complaint.confidential ? 'confidential' : 'open'} complaint`);
              }
            }
          }
        }
      }
    }
    expect(leaks).toEqual([]);
    // The receipt did open its confidential complaint: the content, its file and the contact reached the holder.
    for (const canary of [codeHeld.canaries.chronology, codeHeld.canaries.contentFile, codeHeld.canaries.phone]) expect(seen.codeHolder).toContain(canary);
    // The scan looks at real content: what each caller may see did reach it somewhere.
    for (const complaint of fixture) {
      expect(seen.officerB).toContain(complaint.canaries.internalNote);
      expect(seen.officerB).toContain(complaint.canaries.noteFile);
      expect(seen.officerA).toContain(complaint.canaries.contentFile);
      if (!complaint.confidential) expect(seen.public).toContain(complaint.canaries.contentFile);
      expect(seen.officerA).toContain(complaint.canaries.chronology);
      if (!complaint.anonymous) expect(seen.officerA).toContain(complaint.canaries.name);
      if (!complaint.confidential) expect(seen.public).toContain(complaint.canaries.title);
      if (!complaint.confidential && !complaint.anonymous) expect(seen.public).toContain(complaint.canaries.name);
    }
  }, 300_000);
});
