import { fileThrough, IN_PROGRESS } from '../complaintSteps';
import { FormVisitor, signedInVisitor } from '../formVisitor';
import { eventually, startPortalServer, type PortalServer } from '../portalServer';

let server: PortalServer;

beforeAll(async () => {
  server = await startPortalServer();
}, 120_000);

afterAll(() => server?.stop());

const supportCountOf = async (trackingId: string): Promise<number> =>
  ((await server.api('GET', `/api/public/complaints/${trackingId}`)).body as { supportCount?: number }).supportCount ?? -1;

test('"saya juga mengalami": a signed-in reporter supports a public complaint from its page; a visitor is told to sign in and gets no button', async () => {
  const filed = await fileThrough(server, IN_PROGRESS);
  await eventually(() => supportCountOf(filed.trackingId), (count) => count === 0);

  const visitor = new FormVisitor(server.url);
  const visitorPage = await visitor.get(`/complaints/${filed.trackingId}`);
  expect(visitorPage.html).not.toContain('id="me-too"');
  expect(visitorPage.html).toContain('Masuk sebagai pelapor');
  expect((await visitor.post(`/complaints/${filed.trackingId}/support`, {})).location).toBe(`/complaints/${encodeURIComponent(filed.trackingId)}`);

  const reporter = await signedInVisitor(server.url, { role: 'reporter', sub: 'reporter-me-too' });
  expect((await reporter.get(`/complaints/${filed.trackingId}`)).html).toContain('id="me-too"');
  const supported = await reporter.post(`/complaints/${filed.trackingId}/support`, {});
  expect(supported.status).toBe(303);
  expect(supported.location).toBe(`/complaints/${encodeURIComponent(filed.trackingId)}?supported=1`);
  expect(await eventually(() => supportCountOf(filed.trackingId), (count) => count === 1)).toBe(1);
});
