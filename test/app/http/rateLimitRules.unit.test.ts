import type { Request } from 'express';
import { accessCodeRateChecks, intakeRateChecks, phoneSubject } from '../../../app/http/rateLimitRules';
import { displayTrackingId, trackingIdFromRandomBytes } from '../../../domain/trackingId';
import type { Actor } from '../../../eventstore/metadata';

/** Just what the rules read of a request. */
const requestWith = (body: unknown, headers: Record<string, string> = {}, params: Record<string, string> = {}): Request =>
  ({ body, params, ip: '203.0.113.7', socket: {}, get: (name: string) => headers[name.toLowerCase()] }) as unknown as Request;

const reporter: Actor = { id: 'acct-7', role: 'reporter' };
const [byAddress, byPhone, byAccount] = intakeRateChecks(30, async () => reporter);

describe('intake rate-limit subjects', () => {
  test('one phone however it is written', () => {
    expect(new Set(['081234567890', '+62 812-3456-7890', '6281234567890'].map(phoneSubject))).toEqual(new Set(['6281234567890']));
  });

  test('address always; phone only when the form gives one; account only with a reporter token', async () => {
    expect(await byAddress!.subjectsOf(requestWith({}))).toEqual(['203.0.113.7']);
    expect(await byPhone!.subjectsOf(requestWith({ reporter: { phone: '0812 3456 7890' } }))).toEqual(['6281234567890']);
    expect(await byPhone!.subjectsOf(requestWith({ reporter: { name: 'Budi' } }))).toEqual([]);
    expect(await byPhone!.subjectsOf(requestWith(undefined))).toEqual([]);
    expect(await byAccount!.subjectsOf(requestWith({}))).toEqual([]);
    expect(await byAccount!.subjectsOf(requestWith({}, { authorization: 'Bearer x' }))).toEqual(['acct-7']);
  });

  test('the rules count per hour, at the configured rate', () => {
    expect([byAddress, byPhone, byAccount].map((check) => check!.rule)).toEqual([
      { name: 'intake-address', limit: 30, periodSeconds: 3600 },
      { name: 'intake-phone', limit: 30, periodSeconds: 3600 },
      { name: 'intake-account', limit: 30, periodSeconds: 3600 },
    ]);
  });
});

describe('access-code rate-limit subjects', () => {
  const [perAddress, perComplaint] = accessCodeRateChecks(10);

  test('only requests with an access code count: per address, and per complaint whichever way its id is typed', async () => {
    const typed = (trackingId: string) => requestWith(undefined, { 'x-access-code': 'AAAAA-AAAAA' }, { trackingId });
    expect(await perAddress!.subjectsOf(typed('x'))).toEqual(['203.0.113.7']);
    const trackingId = trackingIdFromRandomBytes(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(await perComplaint!.subjectsOf(typed(displayTrackingId(trackingId).toLowerCase()))).toEqual([trackingId]);
    expect(await perAddress!.subjectsOf(requestWith(undefined, {}, { trackingId: 'x' }))).toEqual([]);
    expect(await perComplaint!.subjectsOf(requestWith(undefined, {}, { trackingId: 'x' }))).toEqual([]);
  });

  test('a code sent for an attachment counts per address and per attachment, not under one shared key', async () => {
    const forFile = (attachmentId: string) => requestWith(undefined, { 'x-access-code': 'AAAAA-AAAAA' }, { attachmentId });
    expect(await perAddress!.subjectsOf(forFile('a'.repeat(64)))).toEqual(['203.0.113.7']);
    expect(await perComplaint!.subjectsOf(forFile('a'.repeat(64)))).toEqual([`attachment:${'a'.repeat(64)}`]);
    expect(await perComplaint!.subjectsOf(forFile('b'.repeat(64)))).toEqual([`attachment:${'b'.repeat(64)}`]);
  });
});
