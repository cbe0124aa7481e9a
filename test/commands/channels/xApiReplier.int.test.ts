import { xApiReplier } from '../../../commands/channels/xApiReplier';
import { startFakeHttpServer, type FakeHttpServer } from './fakeHttpServer';

const TOKEN = 'user-access-token-0123456789';
let answer: { status: number; json?: unknown } = { status: 201, json: { data: { id: '1900000000000000001', text: 'x' } } };
let x: FakeHttpServer;

beforeAll(async () => {
  x = await startFakeHttpServer(() => answer);
});
afterAll(() => x.close());

describe('X API v2 reply adapter', () => {
  const replier = () => xApiReplier({ baseUrl: x.url, userToken: TOKEN });

  test('posts {text, reply.in_reply_to_tweet_id} to /2/tweets with the bearer user token and answers the new tweet id', async () => {
    answer = { status: 201, json: { data: { id: '1900000000000000001', text: '@warga_bdg LAPOR!', edit_history_tweet_ids: ['1900000000000000001'] } } };
    const posted = await replier().reply({ id: 'part-id-1', inReplyToTweetId: '1800000000000000009', text: '@warga_bdg LAPOR! Laporan Anda diterima.' });
    expect(posted).toEqual({ tweetId: '1900000000000000001' });
    const [request] = x.received.splice(0);
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/2/tweets');
    expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['idempotency-key']).toBe('part-id-1');
    expect(JSON.parse(request!.body)).toEqual({ text: '@warga_bdg LAPOR! Laporan Anda diterima.', reply: { in_reply_to_tweet_id: '1800000000000000009' } });
  });

  test('an error status throws with the status; an answer without a tweet id throws too', async () => {
    answer = { status: 429, json: { title: 'Too Many Requests' } };
    await expect(replier().reply({ id: 'part-id-2', inReplyToTweetId: '1', text: 'x' })).rejects.toThrow('answered 429');
    answer = { status: 200, json: { errors: [{ message: 'duplicate content' }] } };
    await expect(replier().reply({ id: 'part-id-3', inReplyToTweetId: '1', text: 'x' })).rejects.toThrow('without a tweet id');
    answer = { status: 200 };
    await expect(replier().reply({ id: 'part-id-4', inReplyToTweetId: '1', text: 'x' })).rejects.toThrow('without a tweet id');
    x.received.splice(0);
  });
});
