import express from 'express';
import request from 'supertest';
import { z } from 'zod';
import { createApp } from '../../../app/http/createApp';
import { idempotencyKey, requestFingerprint } from '../../../app/http/idempotency/idempotencyKey';
import { fieldErrorsOf, parseInput } from '../../../app/http/validation';
import { HttpProblem } from '../../../app/http/httpProblem';
import { createLogger } from '../../../app/logger';

describe('validation', () => {
  const Schema = z.object({ title: z.string().min(1), location: z.object({ lat: z.number() }).strict() }).strict();

  test('every failing field and every unknown field has its own path', () => {
    const result = Schema.safeParse({ title: '', location: { lat: 'x', extra: 1 }, status: 'closed', owner: 'me' });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!, 'body').map((e) => e.path).sort()).toEqual(['body.location.extra', 'body.location.lat', 'body.owner', 'body.status', 'body.title']);
  });

  test('parseInput throws a 400 problem with the errors', () => {
    expect.assertions(2);
    try {
      parseInput(Schema, { title: 'x' }, 'body');
    } catch (error) {
      expect(error).toBeInstanceOf(HttpProblem);
      expect((error as HttpProblem).problem).toMatchObject({ status: 400, errors: [{ path: 'body.location', message: expect.any(String) }] });
    }
  });
});

describe('idempotency keys', () => {
  test('the record id depends on caller and key; boxes open only with the same key', () => {
    const mine = idempotencyKey('reporter:a', 'key-0123456789abcdef');
    expect(idempotencyKey('reporter:b', 'key-0123456789abcdef').recordId).not.toBe(mine.recordId);
    const box = mine.seal('response', { accessCode: 'ABCDE12345' });
    expect(box.toString('utf8')).not.toContain('ABCDE12345');
    expect(mine.open('response', box)).toEqual({ accessCode: 'ABCDE12345' });
    expect(() => mine.open('draft', box)).toThrow();
    expect(() => idempotencyKey('reporter:a', 'key-0123456789abcdeX').open('response', box)).toThrow();
  });

  test('fingerprints ignore key order but not content', () => {
    const base = { method: 'POST', path: '/api/complaints', body: { a: 1, b: [1, 2] } };
    expect(requestFingerprint(base)).toBe(requestFingerprint({ ...base, body: { b: [1, 2], a: 1 } }));
    expect(requestFingerprint(base)).not.toBe(requestFingerprint({ ...base, body: { a: 2, b: [1, 2] } }));
    expect(requestFingerprint(base)).not.toBe(requestFingerprint({ ...base, ifMatch: '"3"' }));
  });
});

describe('createApp', () => {
  const logged: unknown[] = [];
  const logger = createLogger('silent');
  logger.error = ((...args: unknown[]) => void logged.push(args)) as typeof logger.error;
  const boom = express.Router();
  boom.post('/boom', () => {
    throw new Error('secret internals at /srv/app.js:12');
  });
  const app = createApp({ logger, routers: [boom], checkReadiness: async () => ({ ready: false, detail: { ledger: 'down' } }) });

  test('an unexpected error is a 500 problem without internals, and is logged', async () => {
    const response = await request(app).post('/boom').send({});
    expect(response.status).toBe(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(response.body)).not.toMatch(/secret|srv|stack/);
    expect(response.body.detail).toBe(`request id ${response.headers['x-request-id']}`);
    expect(logged).toHaveLength(1);
  });

  test('unknown routes are 404 problems; /livez answers; /readyz reports 503 when not ready', async () => {
    expect((await request(app).get('/nowhere')).body).toMatchObject({ status: 404, code: 'not_found' });
    expect((await request(app).get('/livez')).status).toBe(200);
    expect((await request(app).get('/readyz')).status).toBe(503);
  });

  test('a malformed percent-encoding in the path is a 4xx problem', async () => {
    const response = await request(app).post('/api/complaints/%E0%A4%A/accept');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
