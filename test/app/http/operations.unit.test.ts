import express from 'express';
import request from 'supertest';
import { createApp } from '../../../app/http/createApp';
import { createLogger } from '../../../app/logger';

const COMPLAINT_ID = '3f0c2a9e-1b7d-4c55-9e1a-0d6b2f7c8a41';
const TOKEN = 'eyJhbGciOiJFZERTQSJ9.secret-token-payload.signature';

function appWithLog() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  const api = express.Router();
  api.post('/api/complaints/:id/:action', (_req, res) => {
    res.status(202).json({ accepted: true });
  });
  const app = createApp({
    logger,
    routers: [api],
    checkReadiness: async () => ({ ready: true, detail: {} }),
    projectionStatus: async () => [{ projection: 'complaint_summary', eventsBehind: 7, secondsBehind: 1.5, poisonedEvents: 0 }],
  });
  return { app, lines };
}

describe('operations: helmet, request logs, /metrics', () => {
  test('security headers are set by helmet', async () => {
    const { app } = appWithLog();
    const response = await request(app).get('/livez');
    expect(response.status).toBe(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  test('one log line per request: id, method, route template, status, duration; no token, id, query or body', async () => {
    const { app, lines } = appWithLog();
    const response = await request(app)
      .post(`/api/complaints/${COMPLAINT_ID}/withdraw?nik=3171234567890001`)
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('X-Request-Id', 'req-ops-1')
      .send({ reason: 'Budi Santoso, Jl. Merdeka 1' });
    expect(response.status).toBe(202);

    const requestLines = lines.filter((l) => l['msg'] === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ requestId: 'req-ops-1', method: 'POST', route: '/api/complaints/:id/:action', status: 202, durationMs: expect.any(Number) });
    const raw = JSON.stringify(lines);
    for (const secret of [TOKEN, 'Bearer', COMPLAINT_ID, '3171234567890001', 'Budi']) expect(raw).not.toContain(secret);
  });

  test('an unmatched request is logged and measured as `unmatched`', async () => {
    const { app, lines } = appWithLog();
    expect((await request(app).get(`/nowhere/${COMPLAINT_ID}`)).status).toBe(404);
    expect(lines.find((l) => l['msg'] === 'request')).toMatchObject({ route: 'unmatched', status: 404 });
    const metrics = (await request(app).get('/metrics')).text;
    expect(metrics).toMatch(/http_request_duration_seconds_count\{method="GET",route="unmatched",status_class="4xx"\} 1/);
    expect(metrics).not.toContain(COMPLAINT_ID);
  });

  test('/metrics: default metrics, the duration histogram by route template, projection lag', async () => {
    const { app } = appWithLog();
    await request(app).post(`/api/complaints/${COMPLAINT_ID}/withdraw`).send({});
    const response = await request(app).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.text;
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="[^"]+",method="POST",route="\/api\/complaints\/:id\/:action",status_class="2xx"\}/);
    expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/api\/complaints\/:id\/:action",status_class="2xx"\} 1/);
    expect(text).not.toContain(COMPLAINT_ID);
    expect(text).toContain('lapor_projection_events_behind{projection="complaint_summary"} 7');
    expect(text).toContain('lapor_projection_seconds_behind{projection="complaint_summary"} 1.5');
    expect(text).toContain('lapor_projection_poisoned_events{projection="complaint_summary"} 0');
  });

  test('each app has its own registry', async () => {
    const first = appWithLog().app;
    const second = appWithLog().app;
    await request(first).post(`/api/complaints/${COMPLAINT_ID}/withdraw`).send({});
    expect((await request(second).get('/metrics')).text).not.toMatch(/route="\/api\/complaints\/:id\/:action"/);
  });

  test('a failing projection status still serves the other metrics', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const app = createApp({
      logger,
      routers: [],
      checkReadiness: async () => ({ ready: true, detail: {} }),
      projectionStatus: async () => {
        throw new Error('read store down');
      },
    });
    const response = await request(app).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.text).toContain('http_request_duration_seconds');
    expect(response.text).not.toContain('lapor_projection_events_behind{');
    expect(lines.some((l) => l['msg'] === 'projection status unavailable')).toBe(true);
  });
});
