import { once } from 'node:events';
import { connect as connectSocket } from 'node:net';
import { startServerProcess } from '../../app/tools/serverProcess';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { validReport } from '../commands/http/apiHarness';
import { connect, databaseUrl, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';

const schema = uniqueSchema('drain');
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
let sql: SqlClient;

beforeAll(() => {
  sql = connect(2);
});

afterAll(async () => {
  await dropSchema(sql, schema);
  await sql.close();
});

test('SIGTERM: new connections are refused, a request in flight is answered 201 and its complaint is in the ledger, then the process exits 0', async () => {
  const server = await startServerProcess(databaseUrl, schema, { RUN_PROJECTIONS: 'false', SCHEDULER_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn' });
  const exited = once(server.child, 'exit');
  const { hostname, port } = new URL(server.url);
  // A client that sends its body slowly keeps its request in flight for as long as the test likes.
  const body = JSON.stringify(validReport());
  const socket = connectSocket(Number(port), hostname);
  await once(socket, 'connect');
  let response = '';
  socket.on('data', (chunk: Buffer) => (response += chunk.toString('utf8')));
  socket.write(`POST /api/complaints HTTP/1.1\r\nHost: ${hostname}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 20)}`);
  await sleep(300);

  server.child.kill('SIGTERM');
  await sleep(500);
  await expect(fetch(`${server.url}/livez`)).rejects.toThrow();
  expect(server.child.exitCode).toBeNull();

  socket.write(body.slice(20));
  const [code] = await exited;
  expect(code).toBe(0);
  expect(response).toMatch(/^HTTP\/1\.1 201 /);
  expect(response.toLowerCase()).toContain('connection: close');
  const id = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)).id as string;
  const rows = await sql.query(`SELECT 1 FROM ${schema}.events WHERE stream_id = $1 AND event_type = 'ComplaintSubmitted'`, [`complaint-${id}`]);
  expect(rows).toHaveLength(1);
});
