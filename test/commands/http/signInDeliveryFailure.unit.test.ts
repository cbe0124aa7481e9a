import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createApp } from '../../../app/http/createApp';
import { createLogger } from '../../../app/logger';
import { reporterSignInRouter } from '../../../commands/http/reporterSignInRouter';
import { reporterStreamId } from '../../../commands/reporter/reporterStream';
import { InMemoryEventStore } from '../inMemoryEventStore';

test('a code the gateway fails to send: still the 202, and one warning that names the channel, never the code', async () => {
  const store = new InMemoryEventStore();
  const sealed = { keyId: 'reporter-acct-1', alg: 'A256GCM', iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==' };
  await store.appendToStream(reporterStreamId('acct-1'), 'no_stream', [
    { type: 'ReporterRegistered', data: { at: '2025-03-03T02:00:00.000Z', personalData: sealed }, metadata: { eventId: 'e-1', actor: { id: 'acct-1', role: 'reporter' }, channel: 'web', correlationId: 'c', causationId: 'c', occurredAt: '2025-03-03T02:00:00.000Z', schemaVersion: 1 } },
  ]);
  const lines: string[] = [];
  const logger = createLogger('info', new Writable({ write: (chunk, _encoding, done) => void (lines.push(String(chunk)), done()) }));
  const issued: string[] = [];
  let attempted: (text: string) => void = () => undefined;
  const attemptedText = new Promise<string>((resolve) => (attempted = resolve));
  const router = reporterSignInRouter({
    store,
    contacts: { accountOf: async () => 'acct-1' },
    codes: { issue: async (blindIndex) => void issued.push(blindIndex), redeem: async () => undefined },
    contactIndexKey: randomBytes(32),
    tokens: { issue: async () => ({ token: 'unused', expiresInSeconds: 1 }) },
    clock: () => new Date('2025-03-03T02:00:00.000Z'),
    logger,
    sms: {
      async send(message) {
        attempted(message.text);
        throw new Error(`the SMS gateway answered 503 to reply ${message.id}`);
      },
    },
    email: { send: async () => undefined },
  });
  const app = createApp({ logger: createLogger('silent'), routers: [router], checkReadiness: async () => ({ ready: true, detail: {} }) });
  const response = await request(app).post('/api/reporters/sign-in').send({ phone: '081234567890' });
  expect(response.status).toBe(202);
  const code = /(\d{6})/.exec(await attemptedText)![1]!;
  for (let waited = 0; lines.length === 0 && waited < 2000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(issued).toHaveLength(1);
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, component: 'sign-in', channel: 'sms', msg: 'sign-in code not sent' });
  expect(lines[0]).not.toContain(code);
  expect(lines[0]).not.toContain('081234567890');
});
