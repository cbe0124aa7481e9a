import { createHmac } from 'node:crypto';
import { httpSmsSender } from '../../../commands/channels/httpSmsSender';
import { startFakeHttpServer, type FakeHttpServer } from './fakeHttpServer';

const SECRET = 'gateway-secret-0123456789abcdef0123';
const NOW = new Date('2025-03-03T02:00:00Z');
let gateway: FakeHttpServer;
let status = 200;

beforeAll(async () => {
  gateway = await startFakeHttpServer(() => ({ status }));
});

afterAll(() => gateway.close());

describe('HTTP SMS gateway adapter', () => {
  const sender = () => httpSmsSender({ url: `${gateway.url}/send`, secret: SECRET, clock: () => NOW });

  test('posts {id, to, text} signed over the timestamp and the exact body, the id also as Idempotency-Key', async () => {
    status = 202;
    await sender().send({ id: 'reply-1', to: '+6281234500001', text: 'LAPOR! Laporan Anda diterima.' });
    const [delivery] = gateway.received.splice(0);
    expect(delivery!.path).toBe('/send');
    expect(JSON.parse(delivery!.body)).toEqual({ id: 'reply-1', to: '+6281234500001', text: 'LAPOR! Laporan Anda diterima.' });
    expect(delivery!.headers['idempotency-key']).toBe('reply-1');
    const timestamp = NOW.getTime() / 1000;
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${delivery!.body}`).digest('hex');
    expect(delivery!.headers['x-lapor-signature']).toBe(`t=${timestamp},v1=${expected}`);
  });

  test('a gateway error throws, so the reply outbox retries it later', async () => {
    status = 503;
    await expect(sender().send({ id: 'reply-2', to: '+6281234500001', text: 'x' })).rejects.toThrow('503');
  });
});
