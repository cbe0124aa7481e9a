import type { Express } from 'express';
import request from 'supertest';
import { complaintActions } from '../../commands/http/complaintActions';
import { signedHeaders, SMS_SECRET, TWITTER_SECRET } from '../commands/channels/channelHarness';
import { harnessForFile } from './readApiHarness';

const { harness } = harnessForFile('pglite');

interface MountedRoute {
  readonly method: string;
  readonly path: string;
}

interface Layer {
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean> };
  readonly handle: { readonly stack?: readonly Layer[] };
}

/** Every route the app answers, from express's own router stack (nested routers included). */
function mountedRoutes(app: Express): MountedRoute[] {
  const walk = (stack: readonly Layer[]): MountedRoute[] =>
    stack.flatMap((layer) => {
      if (layer.route) return Object.keys(layer.route.methods).map((method) => ({ method, path: layer.route!.path }));
      return layer.handle.stack ? walk(layer.handle.stack) : [];
    });
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
}

/** The operational endpoints are for probes and scrapers, not part of the API contract. */
const OPERATIONS = new Set(['/livez', '/readyz', '/metrics']);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and served at /api/openapi.json as built', async () => {
    const response = await request(harness().app).get('/api/openapi.json').expect(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(response.body).toEqual(JSON.parse(JSON.stringify(harness().document)));
    harness().conformance.assertConforms(response);
  });

  it('describes every route the app mounts (the command routes: one operation per action)', () => {
    const documented = new Set(
      Object.entries(harness().document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`)),
    );
    const expectedMounted = mountedRoutes(harness().app)
      .filter((route) => !OPERATIONS.has(route.path))
      .flatMap((route) =>
        // The command router mounts the actions as one `:action` route; the document lists each action.
        route.path === '/api/complaints/:id/:action' ? Object.keys(complaintActions).map((action) => `${route.method} /api/complaints/:id/${action}`) : [`${route.method} ${route.path}`],
      );
    expect(expectedMounted.length).toBeGreaterThan(Object.keys(complaintActions).length);
    expect(expectedMounted.filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !expectedMounted.includes(route))).toEqual([]);
  });

  it('lists the submission, every complaint action and the erasure as command operations', () => {
    expect(harness().document.paths['/api/complaints']?.post?.security).toEqual([{}, { bearer: [] }]);
    for (const action of ['dispose', 'decline', 'follow-ups', 'make-confidential', 'erase-reporter-data']) {
      expect(harness().document.paths[`/api/complaints/{id}/${action}`]?.post?.requestBody).toBeDefined();
    }
    expect(harness().document.paths['/api/complaints/{id}/follow-ups']?.post?.responses['200']).toBeDefined();
    expect(harness().document.paths['/api/reporters/{id}/erase']?.post?.security).toEqual([{ bearer: [] }]);
  });

  it('is browsable at /api/docs as static HTML that loads nothing from elsewhere', async () => {
    const response = await request(harness().app).get('/api/docs').expect(200).expect('content-type', /text\/html/);
    expect(response.text).toContain('/api/complaints/{id}/follow-ups');
    expect(response.text).not.toMatch(/<script|<link|src=|https?:\/\/(?!127)/i);
    harness().conformance.assertConforms(response);
  });

  it('command answers conform to it (a submission, an action, a refused action)', async () => {
    const submitted = await request(harness().app).post('/api/complaints').send({
      kind: 'pengaduan',
      title: 'Lampu jalan mati',
      chronology: 'Sudah dua minggu lampu jalan di depan sekolah mati.',
      incidentDate: '2025-02-20',
      regionCode: '32.73',
      category: 'infrastruktur',
    });
    expect(submitted.status).toBe(201);
    harness().conformance.assertConforms(submitted);
    const admin = `Bearer ${await harness().tokens.token({ sub: 'admin-1', role: 'admin' })}`;
    const disposed = await request(harness().app).post(`/api/complaints/${submitted.body.id}/dispose`).set('authorization', admin).send({ agencyId: 'pemkot-32.73' });
    expect(disposed.status).toBe(200);
    harness().conformance.assertConforms(disposed);
    const invalid = await request(harness().app).post(`/api/complaints/${submitted.body.id}/rate`).set('authorization', admin).send({ score: 9 });
    expect(invalid.status).toBe(400);
    harness().conformance.assertConforms(invalid);
  });

  it('gateway webhook answers conform to it (a filed SMS, a refused signature, a tweet)', async () => {
    const sms = JSON.stringify({ messageId: 'sms-openapi-1', from: '6281234567890', text: 'Lampu jalan di Jl. Merdeka mati sejak seminggu' });
    const filed = await request(harness().app).post('/api/channels/sms').set(signedHeaders(SMS_SECRET, sms)).send(sms);
    expect(filed.status).toBe(200);
    harness().conformance.assertConforms(filed);
    const forged = await request(harness().app).post('/api/channels/sms').set(signedHeaders('not-the-secret', sms)).send(sms);
    expect(forged.status).toBe(401);
    harness().conformance.assertConforms(forged);
    const tweet = JSON.stringify({ tweetId: '1234567890', author: '@warga_bdg', text: '@lapor1708 jalan rusak di depan pasar' });
    const mention = await request(harness().app).post('/api/channels/twitter').set(signedHeaders(TWITTER_SECRET, tweet)).send(tweet);
    expect(mention.status).toBe(200);
    harness().conformance.assertConforms(mention);
  });

  it('the conformance check fails an answer the document does not allow', async () => {
    const response = await request(harness().app).get('/api/openapi.json');
    const tampered = Object.assign(Object.create(Object.getPrototypeOf(response) as object) as typeof response, response, { status: 418 });
    expect(() => harness().conformance.assertConforms(tampered)).toThrow(/status 418 is not documented/);
    const wrongBody = Object.assign(Object.create(Object.getPrototypeOf(response) as object) as typeof response, response, { text: '{"openapi":"2.0"}' });
    expect(() => harness().conformance.assertConforms(wrongBody)).toThrow(/does not conform/);
  });
});
