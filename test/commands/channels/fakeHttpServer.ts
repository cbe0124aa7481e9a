import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface FakeHttpServer {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly received: ReceivedRequest[];
  close(): Promise<void>;
}

/** A local stand-in for a gateway or the X API: records each request and answers what `answer` says. */
export async function startFakeHttpServer(answer: (request: ReceivedRequest) => { readonly status: number; readonly json?: unknown }): Promise<FakeHttpServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body };
    received.push(request);
    const { status, json } = answer(request);
    if (json === undefined) res.writeHead(status).end();
    else res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive: cut them, or close waits for their idle timeout.
        server.closeAllConnections();
      }),
  };
}
