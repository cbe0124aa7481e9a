import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpSmsSender } from '../../../commands/channels/httpSmsSender';

const SECRET = 'gateway-secret-0123456789abcdef0123';
const NOW = new Date('2025-03-03T02:00:00Z');
let server: Server;
let url: string;
let status = 200;
const received: { body: string; signature: string | undefined }[] = [];

const bodyOf = async (req: IncomingMessage): Promise<string> => {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return body;
};

beforeAll(async () => {
  server = createServer(async (req, res) => {
    received.push({ body: await bodyOf(req), signature: req.headers['x-lapor-signature'] as string | undefined });
    res.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('HTTP SMS gateway adapter', () => {
  const sender = () => httpSmsSender({ url, secret: SECRET, clock: () => NOW });

  test('posts {id, to, text} signed over the timestamp and the exact body', async () => {
    status = 202;
    await sender().send({ id: 'reply-1', to: '+6281234500001', text: 'LAPOR! Laporan Anda diterima.' });
    const [delivery] = received.splice(0);
    expect(JSON.parse(delivery!.body)).toEqual({ id: 'reply-1', to: '+6281234500001', text: 'LAPOR! Laporan Anda diterima.' });
    const timestamp = NOW.getTime() / 1000;
    const expected = createHmac('sha256', SECRET).update(`${timestamp}.${delivery!.body}`).digest('hex');
    expect(delivery!.signature).toBe(`t=${timestamp},v1=${expected}`);
  });

  test('a gateway error throws, so the inbound SMS is redelivered and the reply sent again', async () => {
    status = 503;
    await expect(sender().send({ id: 'reply-2', to: '+6281234500001', text: 'x' })).rejects.toThrow('503');
  });
});
