import request from 'supertest';
import { createLogger } from '../../../app/logger';
import { httpSmsSender } from '../../../commands/channels/httpSmsSender';
import { xApiReplier } from '../../../commands/channels/xApiReplier';
import { replyDispatcher, type ReplyDispatcherDependencies } from '../../../commands/outbox/replyDispatcher';
import { ReplyOutbox } from '../../../commands/outbox/replyOutbox';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { displayTrackingId, type TrackingId } from '../../../domain/trackingId';
import { NOW, openApiHarness } from '../http/apiHarness';
import { recordingChannels, signedHeaders, SMS_SECRET, TEST_REPLY_POLICY } from './channelHarness';
import { startFakeHttpServer, type FakeHttpServer, type ReceivedRequest } from './fakeHttpServer';

export interface OutboxDatabase {
  readonly sql: SqlClient;
  /** A second client, as a second dispatcher process has (the same one on PGlite). */
  readonly otherSql: SqlClient;
  readonly schema: string;
}

let nextId = 0;
const uniqueUuid = (): string => `00000000-0000-4000-8000-${String(Date.now() % 1e6).padStart(6, '0')}${String(nextId++).padStart(6, '0')}`;
const MINUTE = 60_000;

/** The reply outbox and its dispatcher against a real database: redelivery, crash, gateway down, two dispatchers, X threads. */
export function replyOutboxSuite(label: string, database: () => OutboxDatabase): void {
  let outbox: ReplyOutbox;
  let gateway: FakeHttpServer;
  let gatewayStatus = 200;
  const logLines: string[] = [];
  const logger = createLogger('warn', { write: (line: string) => void logLines.push(line) });
  let now = new Date(NOW);
  const dispatcher = (senders: ReplyDispatcherDependencies['senders'], on: ReplyOutbox = outbox) => replyDispatcher({ outbox: on, senders, policy: TEST_REPLY_POLICY, clock: () => now, logger });
  const smsGateway = () => ({ sms: httpSmsSender({ url: `${gateway.url}/send`, secret: SMS_SECRET, clock: () => now }) });
  const idsOf = (requests: readonly ReceivedRequest[]) => requests.map((received) => (JSON.parse(received.body) as { id: string }).id);
  const rowOf = async (id: string) => {
    const [row] = await database().sql.query<{ status: string; recipient: string | null; attempts: number }>(`SELECT status, recipient, attempts FROM ${database().schema}.reply_outbox WHERE id = $1`, [id]);
    return row;
  };

  beforeAll(async () => {
    outbox = await ReplyOutbox.open(database().sql, database().schema);
    gateway = await startFakeHttpServer(() => ({ status: gatewayStatus }));
  });
  afterAll(() => gateway.close());
  beforeEach(() => {
    now = new Date(Date.parse(NOW) + nextId * 24 * 60 * MINUTE);
    gatewayStatus = 200;
    gateway.received.splice(0);
  });

  describe(`${label}: reply outbox`, () => {
    test('a redelivered SMS records one reply; left unsent by a node that died, the next dispatcher pass delivers it once', async () => {
      const channels = recordingChannels({ sendAtOnce: false });
      const harness = await openApiHarness(database().sql, database().schema, { channels: channels.settings });
      const from = `+62812${String(Date.now()).slice(-8)}`;
      const body = JSON.stringify({ messageId: `outbox-${Date.now()}`, from, text: 'LAPOR Saluran air tersumbat di Jl. Asia Afrika.' });
      const post = (app: typeof harness.app) => request(app).post('/api/channels/sms').set(signedHeaders(SMS_SECRET, body)).send(body);
      const first = await post(harness.app);
      const [again, onOtherNode] = await Promise.all([post(harness.app), post(harness.secondNode)]);
      expect([first.status, again.status, onOtherNode.status]).toEqual([200, 200, 200]);
      const recorded = await database().sql.query<{ id: string }>(`SELECT id::text AS id FROM ${database().schema}.reply_outbox WHERE recipient = $1`, [from]);
      expect(recorded).toHaveLength(1);
      expect(channels.smsSent).toHaveLength(0);

      now = new Date(Date.parse(NOW) + MINUTE);
      const report = await dispatcher({ sms: channels.settings.sms!.sender }).dispatchDue();
      expect(report.sent).toBeGreaterThanOrEqual(1);
      const sent = channels.smsSent.filter((message) => message.to === from);
      expect(sent.map((message) => message.text).join(' ')).toContain(displayTrackingId(first.body.trackingId as TrackingId));
      expect(sent.filter((message) => message.text.startsWith('LAPOR!'))).toHaveLength(1);
      expect(await dispatcher({ sms: channels.settings.sms!.sender }).dispatchDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(await rowOf(recorded[0]!.id)).toMatchObject({ status: 'sent', recipient: null });
      await harness.close();
    });

    test('gateway down (503): the reply waits out the backoff, then goes out once the gateway is up; sent parts are not sent again', async () => {
      const id = uniqueUuid();
      await outbox.enqueue({ id, channel: 'sms', recipient: '+6281200000001', parts: ['bagian satu', 'bagian dua'] }, now);
      gatewayStatus = 503;
      expect(await dispatcher(smsGateway()).dispatchDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect(gateway.received).toHaveLength(1);
      expect(await dispatcher(smsGateway()).dispatchDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(gateway.received).toHaveLength(1);

      gatewayStatus = 200;
      now = new Date(now.getTime() + TEST_REPLY_POLICY.firstRetryMs);
      expect(await dispatcher(smsGateway()).dispatchDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      const texts = gateway.received.map((received) => (JSON.parse(received.body) as { text: string }).text);
      expect(texts).toEqual(['bagian satu', 'bagian satu', 'bagian dua']);
      // The retried part keeps its id, which the gateway deduplicates by (body id and Idempotency-Key alike).
      const ids = idsOf(gateway.received);
      expect(ids[0]).toBe(ids[1]);
      expect(ids[2]).not.toBe(ids[1]);
      for (const received of gateway.received) expect(received.headers['idempotency-key']).toBe((JSON.parse(received.body) as { id: string }).id);
      expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2, recipient: null });
    });

    test('a reply failing every attempt is given up after the last one, logged as an error, and its number cleared', async () => {
      const id = uniqueUuid();
      await outbox.enqueue({ id, channel: 'sms', recipient: '+6281200000002', parts: ['tidak terkirim'] }, now);
      gatewayStatus = 503;
      const reports = [];
      for (let attempt = 0; attempt < TEST_REPLY_POLICY.maxAttempts; attempt++) {
        reports.push(await dispatcher(smsGateway()).dispatchDue());
        now = new Date(now.getTime() + TEST_REPLY_POLICY.maxRetryMs);
      }
      expect(reports).toEqual([
        { sent: 0, retrying: 1, failed: 0 },
        { sent: 0, retrying: 1, failed: 0 },
        { sent: 0, retrying: 0, failed: 1 },
      ]);
      expect(gateway.received).toHaveLength(3);
      expect(await rowOf(id)).toMatchObject({ status: 'failed', recipient: null, attempts: 3 });
      const givenUp = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.replyId === id && line.level === 50);
      expect(givenUp).toHaveLength(1);
      expect(JSON.stringify(givenUp)).not.toContain('6281200000002');
    });

    test('two dispatchers at once send each reply once', async () => {
      const ids = Array.from({ length: 30 }, () => uniqueUuid());
      for (const id of ids) await outbox.enqueue({ id, channel: 'sms', recipient: '+6281200000003', parts: [`balasan ${id}`] }, now);
      const other = await ReplyOutbox.open(database().otherSql, database().schema);
      const [a, b] = await Promise.all([dispatcher(smsGateway()).dispatchDue(), dispatcher(smsGateway(), other).dispatchDue()]);
      expect(a.sent + b.sent).toBe(30);
      const texts = gateway.received.map((received) => (JSON.parse(received.body) as { text: string }).text);
      expect(texts.sort()).toEqual(ids.map((id) => `balasan ${id}`).sort());
    });

    test('a reply of several tweets goes out as a thread through the X API, and a retry goes on from the last tweet posted', async () => {
      let calls = 0;
      let posted = 0;
      // The X API fails the second request once.
      const x = await startFakeHttpServer(() => (++calls === 2 ? { status: 503 } : { status: 201, json: { data: { id: `190000000000000000${++posted}`, text: 'x' } } }));
      const id = uniqueUuid();
      await outbox.enqueue({ id, channel: 'twitter', recipient: '1800000000000000001', parts: ['@warga satu', 'dua', 'tiga'] }, now);
      const twitter = xApiReplier({ baseUrl: x.url, userToken: 'user-access-token-0123456789' });
      expect(await dispatcher({ twitter }).dispatchDue()).toEqual({ sent: 0, retrying: 1, failed: 0 });
      now = new Date(now.getTime() + TEST_REPLY_POLICY.firstRetryMs);
      expect(await dispatcher({ twitter }).dispatchDue()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      await x.close();
      expect(x.received.map((received) => JSON.parse(received.body))).toEqual([
        { text: '@warga satu', reply: { in_reply_to_tweet_id: '1800000000000000001' } },
        { text: 'dua', reply: { in_reply_to_tweet_id: '1900000000000000001' } },
        { text: 'dua', reply: { in_reply_to_tweet_id: '1900000000000000001' } },
        { text: 'tiga', reply: { in_reply_to_tweet_id: '1900000000000000002' } },
      ]);
      expect(await rowOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
    });
  });
}
