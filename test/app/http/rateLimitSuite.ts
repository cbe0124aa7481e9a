import request from 'supertest';
import { RateLimitStore } from '../../../app/http/rateLimitStore';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { recordingChannels, signedHeaders, SMS_SECRET } from '../../commands/channels/channelHarness';
import { openApiHarness, validReport, type ApiHarness } from '../../commands/http/apiHarness';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
let nextSubject = 0;
const subject = (): string => `subject-${process.pid}-${nextSubject++}`;

/** Rate limits kept in SQL: the store's arithmetic and sharing, then 429s over HTTP. */
export function rateLimitSuite(label: string, database: () => { readonly sql: SqlClient; readonly schema: string }): void {
  let store: RateLimitStore;
  let harness: ApiHarness;
  const channels = recordingChannels();
  beforeAll(async () => {
    const { sql, schema } = database();
    store = await RateLimitStore.open(sql, schema);
    harness = await openApiHarness(sql, schema, { channels: channels.settings, rateLimits: { intakePerHour: 2, accessCodeTriesPerHour: 3 } });
  });
  afterAll(() => harness.close());

  describe(`${label}: rate limit store`, () => {
    const rule = { name: 'test', limit: 3, periodSeconds: 60 };

    test('allows `limit` at once, then refuses with the wait until the next one (period / limit)', async () => {
      const who = subject();
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push(await store.take(rule, who));
      expect(decisions.slice(0, 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
      expect(decisions[3]).toEqual({ allowed: false, retryAfterSeconds: 20 });
      // A refusal spends nothing: the wait does not grow.
      expect(await store.take(rule, who)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    });

    test('giveBack returns what was taken (a correct access code is no guess), but never banks allowance beyond the limit', async () => {
      const who = subject();
      for (let i = 0; i < 3; i++) await store.take(rule, who);
      await store.giveBack([{ rule, subject: who }]);
      expect(await store.take(rule, who)).toEqual({ allowed: true });
      expect((await store.take(rule, who)).allowed).toBe(false);
      const fresh = subject();
      await store.take(rule, fresh);
      for (let i = 0; i < 5; i++) await store.giveBack([{ rule, subject: fresh }]);
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push((await store.take(rule, fresh)).allowed);
      expect(decisions).toEqual([true, true, true, false]);
    });

    test('subjects and rules are counted apart', async () => {
      const who = subject();
      for (let i = 0; i < 3; i++) await store.take(rule, who);
      expect(await store.take(rule, subject())).toEqual({ allowed: true });
      expect(await store.take({ ...rule, name: 'other' }, who)).toEqual({ allowed: true });
    });

    test('another node (another store on the same database) sees the same count', async () => {
      const who = subject();
      const { sql, schema } = database();
      const otherNode = await RateLimitStore.open(sql, schema);
      for (let i = 0; i < 3; i++) await store.take(rule, who);
      expect((await otherNode.take(rule, who)).allowed).toBe(false);
    });

    test('several rules at once: each decided as on its own, in order; a refused one spends nothing, the others are spent', async () => {
      const who = subject();
      const spent = { name: 'spent', limit: 1, periodSeconds: 60 };
      const roomy = { name: 'roomy', limit: 2, periodSeconds: 60 };
      await store.take(spent, who);
      expect(await store.takeAll([{ rule: roomy, subject: who }, { rule: spent, subject: who }])).toEqual([{ allowed: true }, { allowed: false, retryAfterSeconds: 60 }]);
      expect(await store.takeAll([{ rule: spent, subject: who }, { rule: roomy, subject: who }, { rule: roomy, subject: who }])).toEqual([
        { allowed: false, retryAfterSeconds: 60 },
        { allowed: true },
        { allowed: false, retryAfterSeconds: 30 },
      ]);
    });

    test('concurrent requests never exceed the limit', async () => {
      const who = subject();
      const decisions = await Promise.all(Array.from({ length: 20 }, () => store.take({ name: 'burst', limit: 5, periodSeconds: 60 }, who)));
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
    });

    test('allowance comes back with time, and rows that limit nobody are purged', async () => {
      const who = subject();
      const fast = { name: 'fast', limit: 1, periodSeconds: 0.2 };
      expect((await store.take(fast, who)).allowed).toBe(true);
      expect((await store.take(fast, who)).allowed).toBe(false);
      await sleep(250);
      expect((await store.take(fast, who)).allowed).toBe(true);
      await sleep(250);
      expect(await store.purgeExpired()).toBeGreaterThanOrEqual(1);
    });
  });

  describe(`${label}: 429 on public intake`, () => {
    test('the third complaint within the hour from one address is 429 with Retry-After, and files nothing', async () => {
      for (let i = 0; i < 2; i++) await request(harness.app).post('/api/complaints').send(validReport()).expect(201);
      const limited = await request(harness.secondNode).post('/api/complaints').send(validReport());
      expect(limited.status).toBe(429);
      expect(limited.headers['content-type']).toContain('application/problem+json');
      expect(limited.body.code).toBe('rate_limited');
      // 2 an hour: the next one in 30 minutes.
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(1700);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(1800);
    });

    test('access-code tries: the fourth within the hour on one complaint is 429; a login is not counted', async () => {
      const lookup = (trackingId: string, headers: Record<string, string>) => request(harness.app).get(`/api/reporter/complaints/${trackingId}`).set(headers);
      const trackingId = '8Z5KQ3M0TWAXW';
      for (const code of ['AAAAA-AAAAA', 'BBBBB-BBBBB', 'CCCCC-CCCCC']) expect((await lookup(trackingId, { 'x-access-code': code })).status).toBe(404);
      const limited = await lookup(trackingId.toLowerCase(), { 'x-access-code': 'DDDDD-DDDDD' });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(1100);
      expect((await lookup(trackingId, {})).status).toBe(404);
    });

    test('access-code tries on an attachment: the fourth within the hour on one file is 429 from any address; another file is counted apart', async () => {
      const read = (attachmentId: string, address: string, code: string) => request(harness.app).get(`/api/attachments/${attachmentId}`).set({ 'x-forwarded-for': address, 'x-access-code': code });
      const [file, otherFile] = ['a'.repeat(64), 'b'.repeat(64)];
      for (const code of ['AAAAA-AAAAA', 'BBBBB-BBBBB', 'CCCCC-CCCCC']) expect((await read(file, '198.51.100.1', code)).status).toBe(404);
      expect((await read(file, '198.51.100.2', 'DDDDD-DDDDD')).status).toBe(429);
      expect((await read(otherFile, '198.51.100.3', 'DDDDD-DDDDD')).status).toBe(404);
    });

    test('SMS: the third message within the hour from one sender is 429 (the gateway delivers it later); another sender is not held back', async () => {
      const send = (messageId: string, from: string) => {
        const body = JSON.stringify({ messageId, from, text: 'LAPOR Jalan rusak di desa kami.' });
        return request(harness.app).post('/api/channels/sms').set(signedHeaders(SMS_SECRET, body)).send(body);
      };
      const id = subject();
      expect((await send(`${id}-1`, '081299900001')).status).toBe(200);
      expect((await send(`${id}-2`, '+6281299900001')).status).toBe(200);
      const limited = await send(`${id}-3`, '6281299900001');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(channels.smsSent.filter((message) => message.to === '6281299900001')).toHaveLength(0);
      expect((await send(`${id}-4`, '081299900002')).status).toBe(200);
    });
  });
}
