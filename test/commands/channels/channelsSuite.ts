import type { Express } from 'express';
import request from 'supertest';
import { gatewayComplaintId } from '../../../commands/channels/gatewaySubmission';
import { complaintStreamId } from '../../../commands/complaintStream';
import { displayTrackingId, type TrackingId } from '../../../domain/trackingId';
import type { ApiHarness } from '../http/apiHarness';
import { recordingChannels, signedHeaders, SMS_SECRET, TWITTER_SECRET } from './channelHarness';

let nextId = 0;
const uniqueId = (prefix: string): string => `${prefix}${Date.now()}${nextId++}`;

/** SMS 1708 and Twitter/X webhooks over HTTP, against PostgreSQL and PGlite alike. */
export function channelsSuite(label: string, harness: () => ApiHarness, channels: () => ReturnType<typeof recordingChannels>): void {
  const post = (app: Express, path: string, secret: string, payload: unknown, ageSeconds = 0) => {
    const body = JSON.stringify(payload);
    return request(app).post(path).set(signedHeaders(secret, body, ageSeconds)).send(body);
  };
  const sms = (payload: unknown, app: Express = harness().app, ageSeconds = 0) => post(app, '/api/channels/sms', SMS_SECRET, payload, ageSeconds);
  const tweet = (payload: unknown, app: Express = harness().app) => post(app, '/api/channels/twitter', TWITTER_SECRET, payload);
  const streamOf = (channel: 'sms' | 'twitter', messageId: string) => harness().store.readStream(complaintStreamId(gatewayComplaintId(channel, messageId)));
  const smsTo = (number: string) => channels().smsSent.filter((message) => message.to === number);

  describe(`${label}: SMS 1708`, () => {
    test('LAPOR files a complaint through the gateway actor, seals the number, and replies with the tracking id', async () => {
      const messageId = uniqueId('sms-');
      const response = await sms({ messageId, from: '+6281234500001', text: 'LAPOR Lampu jalan di Jl. Merdeka mati sejak seminggu, rawan kecelakaan.' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ outcome: 'filed', redelivered: false });
      const [submitted, ...more] = await streamOf('sms', messageId);
      expect(more).toHaveLength(0);
      expect(submitted!.type).toBe('ComplaintSubmitted');
      expect(submitted!.metadata).toMatchObject({ channel: 'sms', actor: { role: 'channel_gateway' } });
      const data = submitted!.data as Record<string, unknown>;
      expect(data).toMatchObject({
        channel: 'sms',
        channelMessageId: messageId,
        trackingId: response.body.trackingId,
        chronology: 'Lampu jalan di Jl. Merdeka mati sejak seminggu, rawan kecelakaan.',
        regionCode: '31',
        category: 'lainnya',
        confidential: false,
        incidentDate: '2025-03-03',
      });
      expect(JSON.stringify(data)).not.toContain('6281234500001');
      const opened = await harness().vault.open(data.reporter as never);
      expect(opened).toEqual({ erased: false, data: { phone: '+6281234500001' } });
      const replies = smsTo('+6281234500001');
      expect(replies).toHaveLength(1);
      expect(replies[0]!.text).toContain(displayTrackingId(response.body.trackingId as TrackingId));
    });

    test('a leading region code files the complaint there', async () => {
      const messageId = uniqueId('sms-');
      await sms({ messageId, from: '+6281234500002', text: 'lapor 32.73 Trotoar di depan stasiun rusak parah.' }).expect(200);
      const [submitted] = await streamOf('sms', messageId);
      expect(submitted!.data).toMatchObject({ regionCode: '32.73', chronology: 'Trotoar di depan stasiun rusak parah.' });
    });

    test('a redelivered message (again, and at once on two nodes) files one complaint and answers with the same tracking id', async () => {
      const messageId = uniqueId('sms-');
      const delivery = { messageId, from: '+6281234500003', text: 'LAPOR Pungutan liar di kantor kelurahan.' };
      const first = await sms(delivery);
      const [again, onOtherNode] = await Promise.all([sms(delivery), sms(delivery, harness().secondNode)]);
      for (const response of [first, again, onOtherNode]) {
        expect(response.status).toBe(200);
        expect(response.body.trackingId).toBe(first.body.trackingId);
      }
      expect(first.body.redelivered).toBe(false);
      expect(again.body.redelivered).toBe(true);
      expect(onOtherNode.body.redelivered).toBe(true);
      expect(await streamOf('sms', messageId)).toHaveLength(1);
      // The reply is recorded once (the outbox id derives from the message id) and so sent once.
      const replies = smsTo('+6281234500003');
      expect(replies.length).toBeGreaterThan(0);
      expect(new Set(replies.map((reply) => reply.id)).size).toBe(replies.length);
      expect(replies.map((reply) => reply.text).join(' ')).toContain(displayTrackingId(first.body.trackingId as TrackingId));
      expect(replies.filter((reply) => reply.text.startsWith('LAPOR!'))).toHaveLength(1);
    });

    test('a wrong or missing signature is 401 and files nothing', async () => {
      const messageId = uniqueId('sms-');
      const body = JSON.stringify({ messageId, from: '+6281234500004', text: 'LAPOR palsu' });
      const wrongSecret = await request(harness().app).post('/api/channels/sms').set(signedHeaders(`${SMS_SECRET}x`, body)).send(body);
      const otherBody = await request(harness().app)
        .post('/api/channels/sms')
        .set(signedHeaders(SMS_SECRET, body))
        .send(body.replace('palsu', 'diubah'));
      const missing = await request(harness().app).post('/api/channels/sms').set('content-type', 'application/json').send(body);
      for (const response of [wrongSecret, otherBody, missing]) {
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.body.code).toBe('invalid_signature');
      }
      expect(await streamOf('sms', messageId)).toHaveLength(0);
      expect(smsTo('+6281234500004')).toHaveLength(0);
    });

    test('a correctly signed delivery older than the allowed age is 401 stale and files nothing', async () => {
      const messageId = uniqueId('sms-');
      const response = await sms({ messageId, from: '+6281234500005', text: 'LAPOR lama' }, harness().app, 301);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('stale_signature');
      expect(await streamOf('sms', messageId)).toHaveLength(0);
      const withinAge = await sms({ messageId, from: '+6281234500005', text: 'LAPOR lama' }, harness().app, 299);
      expect(withinAge.status).toBe(200);
    });

    test('a bad payload is 400 naming each field, and files nothing', async () => {
      const response = await sms({ messageId: 'has spaces', from: 'budi', text: '', extra: true });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['body.extra', 'body.from', 'body.messageId', 'body.text']);
      const notJson = await request(harness().app).post('/api/channels/sms').set(signedHeaders(SMS_SECRET, 'x')).send('x');
      expect(notJson.status).toBe(400);
    });

    test('STATUS replies with the status only; an unknown tracking id and other text get help, never a complaint', async () => {
      const filed = await sms({ messageId: uniqueId('sms-'), from: '+6281234500006', text: 'LAPOR Air PDAM keruh.' });
      const trackingId = filed.body.trackingId as TrackingId;
      channels().statuses.set(trackingId, 'in_progress');
      const status = await sms({ messageId: uniqueId('sms-'), from: '+6281234500006', text: `status ${displayTrackingId(trackingId).toLowerCase()}` });
      expect(status.body).toEqual({ outcome: 'status_sent' });
      const help = await sms({ messageId: uniqueId('sms-'), from: '+6281234500006', text: 'halo' });
      expect(help.body).toEqual({ outcome: 'help_sent' });
      const [, statusReply, helpReply] = smsTo('+6281234500006').map((message) => message.text);
      expect(statusReply).toBe(`LAPOR! Status laporan ${displayTrackingId(trackingId)}: sedang ditindaklanjuti instansi.`);
      expect(statusReply).not.toContain('PDAM');
      expect(helpReply).toContain('LAPOR <isi laporan>');
    });
  });

  describe(`${label}: Twitter/X @lapor1708`, () => {
    test('a mention files a public complaint and the reply to the tweet carries the tracking id', async () => {
      const tweetId = String(Date.now()) + String(nextId++);
      const response = await tweet({ tweetId, author: '@warga_bdg', text: '@lapor1708 Sampah menumpuk di Pasar Kosambi sudah dua minggu.' });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ outcome: 'filed', redelivered: false });
      const [submitted] = await streamOf('twitter', tweetId);
      expect(submitted!.data).toMatchObject({ channel: 'twitter', channelMessageId: tweetId, confidential: false, chronology: 'Sampah menumpuk di Pasar Kosambi sudah dua minggu.' });
      const reply = channels().tweetsSent.find((sent) => sent.inReplyToTweetId === tweetId);
      expect(reply?.text.startsWith('@warga_bdg ')).toBe(true);
      expect(reply?.text).toContain(displayTrackingId(response.body.trackingId as TrackingId));
    });

    test('a redelivered tweet files one complaint', async () => {
      const tweetId = String(Date.now()) + String(nextId++);
      const delivery = { tweetId, author: 'warga_bdg', text: '@lapor1708 Jembatan retak.' };
      const [a, b] = await Promise.all([tweet(delivery), tweet(delivery, harness().secondNode)]);
      const c = await tweet(delivery);
      expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
      expect(new Set([a.body.trackingId, b.body.trackingId, c.body.trackingId]).size).toBe(1);
      expect(await streamOf('twitter', tweetId)).toHaveLength(1);
    });

    test('our own tweets and bare mentions are not complaints', async () => {
      const own = String(Date.now()) + String(nextId++);
      const bare = String(Date.now()) + String(nextId++);
      expect((await tweet({ tweetId: own, author: 'lapor1708', text: '@warga Terima kasih' })).body).toEqual({ outcome: 'ignored' });
      expect((await tweet({ tweetId: bare, author: 'warga', text: '@lapor1708 ' })).body).toEqual({ outcome: 'ignored' });
      expect(await streamOf('twitter', own)).toHaveLength(0);
      expect(await streamOf('twitter', bare)).toHaveLength(0);
    });

    test('the SMS secret does not sign tweets, and a bad tweet payload is 400', async () => {
      const body = JSON.stringify({ tweetId: '1', author: 'warga', text: '@lapor1708 halo' });
      const wrong = await request(harness().app).post('/api/channels/twitter').set(signedHeaders(SMS_SECRET, body)).send(body);
      expect(wrong.status).toBe(401);
      const bad = await tweet({ tweetId: 'abc', author: 'this handle is far too long', text: 'x' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['body.author', 'body.tweetId']);
    });
  });
}
