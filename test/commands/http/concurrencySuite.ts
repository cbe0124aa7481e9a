import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { verifyChain } from '../../../eventstore/hashChain';
import { apiClient, type ApiHarness } from './apiHarness';

/**
 * 50 conflicting actions on one complaint at once, spread over two API nodes, plus a
 * retry of ten of them: every accepted action is in the ledger exactly once, every
 * refused one not at all, and the hash chain verifies.
 */
/**
 * What a well-behaved client does with the two "not now" answers: "still running" (409
 * idempotency_key_in_use, an original and its retry are one logical request) and "busy"
 * (503 contended, the server's bounded retries ran out while the other node kept winning)
 * both say to ask again, with the same key, after Retry-After.
 */
async function askUntilSettled(request: () => Promise<Response>): Promise<Response> {
  for (let asked = 1; ; asked += 1) {
    const response = await request();
    const notNow = (response.status === 409 && response.body.code === 'idempotency_key_in_use') || (response.status === 503 && response.body.code === 'contended');
    if (!notNow || asked === 5) return response;
    await new Promise((resolve) => setTimeout(resolve, 100 * asked));
  }
}

export function concurrencySuite(label: string, harness: () => ApiHarness): void {
  test(`${label}: 50 parallel conflicting actions leave a valid history with nothing lost or doubled`, async () => {
    const api = apiClient(harness());
    const onSecondNode = apiClient(harness(), harness().secondNode);
    const { id } = await api.complaintAt('in_progress');
    const officer = await api.as.officer();
    const followUps = Array.from({ length: 40 }, (_, i) => ({ key: randomUUID(), body: { visibility: 'public', text: `Tindak lanjut ${i}` } }));
    const send = (i: number) => (i % 2 === 0 ? api : onSecondNode);
    const requests: (() => Promise<Response>)[] = [
      ...followUps.map(({ key, body }, i) => () => send(i).act(id, 'follow-ups', officer, body, { 'idempotency-key': key })),
      // Ten resolutions race: exactly one may win.
      ...Array.from({ length: 10 }, (_, i) => () => send(i).act(id, 'resolve', officer, { summary: `Selesai ${i}` })),
      // A client retrying ten of the follow-ups with their keys while the first attempts still run.
      ...followUps.slice(0, 10).map(({ key, body }, i) => () => send(i + 1).act(id, 'follow-ups', officer, body, { 'idempotency-key': key })),
    ];
    const answered = await Promise.all(requests.map((request) => askUntilSettled(request)));
    const followUpResponses = answered.slice(0, 40);
    const resolveResponses = answered.slice(40, 50);
    const retries = answered.slice(50);

    expect(followUpResponses.map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(resolveResponses.filter((r) => r.status === 200)).toHaveLength(1);
    expect(resolveResponses.filter((r) => r.status === 409).every((r) => r.body.code === 'not_in_progress')).toBe(true);
    expect(resolveResponses.filter((r) => r.status === 409)).toHaveLength(9);
    retries.forEach((retry, i) => expect(retry.body).toEqual(followUpResponses[i]!.body));

    const history = await api.events(id);
    expect(verifyChain(history)).toMatchObject({ valid: true, eventCount: history.length });
    expect(history.map((e) => e.streamRevision)).toEqual(history.map((_, i) => i));
    const postedIds = history.filter((e) => e.type === 'FollowUpPosted').map((e) => (e.data as { followUpId: string }).followUpId);
    expect(postedIds.sort()).toEqual(followUpResponses.map((r) => r.body.followUpId as string).sort());
    expect(history.filter((e) => e.type === 'ComplaintResolved')).toHaveLength(1);
    expect(new Set(history.map((e) => e.metadata.eventId)).size).toBe(history.length);
  });
}
