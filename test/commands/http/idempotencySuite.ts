import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { unsignedToken, TEST_AUDIENCE, TEST_ISSUER } from '../../app/auth/testTokens';
import { apiClient, validReport, type ApiHarness } from './apiHarness';

type Api = ReturnType<typeof apiClient>;

/** Idempotency-Key and authentication over HTTP, against PostgreSQL and PGlite alike. */
export function idempotencySuite(label: string, harness: () => ApiHarness): void {
  let api: Api;
  beforeAll(() => {
    api = apiClient(harness());
  });

  describe(`${label}: Idempotency-Key`, () => {
    test('an action retried with the same key and body gets the first response and appends nothing', async () => {
      const { id } = await api.complaintAt('in_progress');
      const key = randomUUID();
      const officer = await api.as.officer();
      const first = await api.act(id, 'follow-ups', officer, { visibility: 'public', text: 'Ditinjau.' }, { 'idempotency-key': key });
      const eventsAfterFirst = (await api.events(id)).length;
      const retry = await api.act(id, 'follow-ups', officer, { visibility: 'public', text: 'Ditinjau.' }, { 'idempotency-key': key });
      expect(first.status).toBe(200);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect((await api.events(id)).length).toBe(eventsAfterFirst);
    });

    test('the same key with another body is 422 and appends nothing', async () => {
      const { id } = await api.complaintAt('in_progress');
      const key = randomUUID();
      const officer = await api.as.officer();
      await api.act(id, 'follow-ups', officer, { visibility: 'public', text: 'Ditinjau.' }, { 'idempotency-key': key });
      const count = (await api.events(id)).length;
      const other = await api.act(id, 'follow-ups', officer, { visibility: 'public', text: 'Lain.' }, { 'idempotency-key': key });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('idempotency_key_reused');
      expect((await api.events(id)).length).toBe(count);
    });

    test('a submission retried (even at once, on another node) files one complaint and shows the same receipt', async () => {
      const key = randomUUID();
      const send = (app: Express) =>
        request(app).post('/api/complaints').set('idempotency-key', key).send(validReport());
      const [a, b] = await Promise.all([send(harness().app), send(harness().secondNode)]);
      const c = await send(harness().secondNode);
      expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
      expect(b.body).toEqual(a.body);
      expect(c.body).toEqual(a.body);
      expect(await api.events(a.body.id)).toHaveLength(1);
    });

    test('a refusal is remembered too: the retry gets the same 409', async () => {
      const { id } = await api.complaintAt('in_progress');
      const key = randomUUID();
      const first = await api.act(id, 'accept', await api.as.officer(), { resolutionClass: 'short' }, { 'idempotency-key': key });
      const retry = await api.act(id, 'accept', await api.as.officer(), { resolutionClass: 'short' }, { 'idempotency-key': key });
      expect(first.status).toBe(409);
      expect(retry.status).toBe(409);
      expect(retry.body).toEqual(first.body);
    });

    test('invalid input is not remembered: the corrected request may reuse its key', async () => {
      const key = randomUUID();
      const invalid = await request(harness().app).post('/api/complaints').set('idempotency-key', key).send(validReport({ title: '' }));
      expect(invalid.status).toBe(400);
      const corrected = await request(harness().app).post('/api/complaints').set('idempotency-key', key).send(validReport());
      expect(corrected.status).toBe(201);
    });

    test('keys are per caller, and a malformed key is 400', async () => {
      const { id } = await api.complaintAt('in_progress');
      const key = randomUUID();
      const body = { visibility: 'internal', text: 'Catatan.' };
      const mine = await api.act(id, 'follow-ups', await api.as.officer(), body, { 'idempotency-key': key });
      const theirs = await api.act(id, 'follow-ups', await api.as.officer('pemkot-32.73/dishub'), body, { 'idempotency-key': key });
      expect(mine.status).toBe(200);
      // Another caller's identical key is a new request (here refused by the domain: the unit does not own it).
      expect(theirs.status).toBe(403);
      const malformed = await api.act(id, 'follow-ups', await api.as.officer(), body, { 'idempotency-key': 'short' });
      expect(malformed.status).toBe(400);
      expect(malformed.body.errors[0].path).toBe('headers.idempotency-key');
    });
  });

  describe(`${label}: JWT abuse is 401`, () => {
    const now = () => Math.floor(Date.now() / 1000);
    const cases: [string, () => Promise<string>][] = [
      ['alg none', async () => unsignedToken({ sub: 'x', role: 'admin', iss: TEST_ISSUER, aud: TEST_AUDIENCE, iat: now(), exp: now() + 600 })],
      ['wrong key', async () => harness().tokens.token({ sub: 'x', role: 'admin' }, { privateKey: generateKeyPairSync('ed25519').privateKey })],
      ['expired', async () => harness().tokens.token({ sub: 'x', role: 'admin' }, { ttlSeconds: 60, now: new Date(Date.now() - 7_200_000) })],
      ['wrong audience', async () => harness().tokens.token({ sub: 'x', role: 'admin' }, { audience: 'another-api' })],
    ];
    test.each(cases)('%s', async (_name, forge) => {
      const { id } = await api.complaintAt('submitted');
      const count = (await api.events(id)).length;
      const response = await api.act(id, 'reject', `Bearer ${await forge()}`, { rejection: { reason: 'spam' } });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('unauthorized');
      expect(response.headers['www-authenticate']).toMatch(/error="invalid_token"/);
      expect((await api.events(id)).length).toBe(count);
    });
    test('a non-bearer scheme is 401 too', async () => {
      const response = await api.act(randomUUID(), 'reject', 'Basic YWRtaW46YWRtaW4=', { rejection: { reason: 'spam' } });
      expect(response.status).toBe(401);
    });
  });
}
