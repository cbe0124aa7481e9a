import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import request from 'supertest';
import { securityHeaders } from '../../../app/http/securityHeaders';

/** The headers an app with this middleware answers with, without the ones that vary per response. */
async function headersWith(middleware: RequestHandler): Promise<Record<string, unknown>> {
  const app = express();
  app.use(middleware);
  app.get('/page', (_req, res) => void res.json({ ok: true }));
  const { headers } = await request(app).get('/page');
  const { date: _date, etag: _etag, ...stable } = headers;
  return stable;
}

describe('securityHeaders: helmet computed once', () => {
  test('answers with exactly the headers helmet() sets on every request', async () => {
    const computedOnce = await headersWith(securityHeaders());
    expect(computedOnce).toEqual(await headersWith(helmet()));
    expect(computedOnce['content-security-policy']).toContain("default-src 'self'");
    expect(computedOnce['x-content-type-options']).toBe('nosniff');
  });
});
