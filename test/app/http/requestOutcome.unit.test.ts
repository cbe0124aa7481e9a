import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { observeRequests, type RequestOutcome } from '../../../app/http/requestOutcome';

/** An app whose /slow answers only after the test lets it; every outcome is kept. */
async function observedApp() {
  const outcomes: RequestOutcome[] = [];
  let releaseSlow = (): void => undefined;
  const app = express();
  app.use(observeRequests([(outcome) => void outcomes.push(outcome)]));
  app.get('/fast/:id', (_req, res) => void res.json({ ok: true }));
  app.get('/slow', (_req, res) => {
    releaseSlow = () => void res.json({ late: true });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { outcomes, server, port: (server.address() as AddressInfo).port, releaseSlow: () => releaseSlow() };
}

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('observeRequests', () => {
  test('a finished request is reported once, with its route template, not aborted', async () => {
    const { outcomes, server, port } = await observedApp();
    await fetch(`http://127.0.0.1:${port}/fast/42`);
    await until(() => outcomes.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(outcomes).toEqual([expect.objectContaining({ method: 'GET', route: '/fast/:id', status: 200, aborted: false })]);
    server.close();
  });

  test('a client that goes away before the answer is reported once as aborted', async () => {
    const { outcomes, server, port, releaseSlow } = await observedApp();
    const client = httpRequest({ port, host: '127.0.0.1', path: '/slow' });
    client.on('error', () => undefined);
    client.end();
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.destroy();
    await until(() => outcomes.length > 0);
    releaseSlow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(outcomes).toEqual([expect.objectContaining({ route: '/slow', aborted: true })]);
    server.close();
  });
});
