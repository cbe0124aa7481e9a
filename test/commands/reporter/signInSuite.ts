import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { HarnessForFile } from '../../read-api/readApiHarness';
import { apiClient, NOW, validReport } from '../http/apiHarness';

/** The command side's clock, moved on by the tests (code expiry). */
export interface SettableClock {
  now(): Date;
  advanceSeconds(seconds: number): void;
}

export function settableClock(start = NOW): SettableClock {
  let instant = Date.parse(start);
  return { now: () => new Date(instant), advanceSeconds: (seconds) => void (instant += seconds * 1000) };
}

/** The harness's sign-in limit: code requests per hour per address and per contact, registrations per address. */
export const SIGN_IN_PER_HOUR = 3;
export const signInRateLimits = { intakePerHour: 1000, accessCodeTriesPerHour: 1000, signInPerHour: SIGN_IN_PER_HOUR };

type AContact = { phone: string } | { email: string };
const freshPhone = (): string => `0813${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
const freshEmail = (): string => `pelapor.${randomUUID()}@example.org`;
/** Each test speaks from an address of its own (the harness trusts X-Forwarded-For from loopback), so the per-address limits of one test leave the others alone. */
const freshAddress = (): string => `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
const recipientOf = (contact: AContact): string => ('phone' in contact ? contact.phone : contact.email);
const codeIn = (text: string): string => /\b(\d{6})\b/.exec(text)![1]!;
/** Another 6-digit code than this one. */
const otherThan = (code: string): string => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Sign-in by a one-time code (requires harnessForFile(..., { commandClock: clock.now, rateLimits: signInRateLimits })). */
export function reporterSignInSuite(label: string, { harness }: HarnessForFile, clock: SettableClock): void {
  const post = (path: string, address: string, body: unknown) => request(harness().app).post(path).set('x-forwarded-for', address).send(body as object);
  const askCode = (address: string, body: unknown) => post('/api/reporters/sign-in', address, body);
  const verify = (address: string, body: unknown) => post('/api/reporters/sign-in/verify', address, body);

  async function registered(contact: AContact, address = freshAddress()): Promise<string> {
    const response = await post('/api/reporters', address, { name: 'Siti Rahma', nik: '3273015501900002', ...contact });
    if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.reporterId as string;
  }

  /** Asks for a code for the contact and returns the code the port was given. */
  async function codeFor(contact: AContact, address: string): Promise<string> {
    const message = harness().signIn.nextMessageTo(recipientOf(contact));
    expect((await askCode(address, contact)).status).toBe(202);
    return codeIn(await message);
  }

  /** A fresh account with a phone, an address of its own, and a first code asked for from there. */
  async function accountWithCode(): Promise<{ reporterId: string; phone: string; address: string; code: string }> {
    const phone = freshPhone();
    const reporterId = await registered({ phone });
    const address = freshAddress();
    return { reporterId, phone, address, code: await codeFor({ phone }, address) };
  }

  describe(`${label}: reporter sign-in`, () => {
    test('a code by SMS signs in: the token is a reporter bearer token that lists their own complaints and no one else’s', async () => {
      const { reporterId, phone, address, code } = await accountWithCode();
      const signedIn = await verify(address, { phone, code });
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers['cache-control']).toBe('no-store');
      expect(signedIn.body).toEqual({ reporterId, accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 600 });
      harness().conformance.assertConforms(signedIn);
      const authorization = `Bearer ${signedIn.body.accessToken}`;
      const own = await request(harness().app).post('/api/complaints').set('authorization', authorization).send(validReport());
      expect(own.status).toBe(201);
      await apiClient(harness()).file(`acct-${randomUUID()}`);
      await harness().project();
      const list = await request(harness().app).get('/api/reporter/complaints').set('authorization', authorization);
      expect(list.status).toBe(200);
      expect(list.body.items.map((item: { trackingId: string }) => item.trackingId)).toEqual([own.body.trackingId]);
    });

    test('a code by e-mail, the address asked for in another case: sent to the address as typed, and it signs in', async () => {
      const email = freshEmail();
      const reporterId = await registered({ email });
      const address = freshAddress();
      const typed = email.toUpperCase();
      const message = harness().signIn.nextMessageTo(typed);
      expect((await askCode(address, { email: typed })).status).toBe(202);
      const code = codeIn(await message);
      expect(harness().signIn.emailsSent.find((sent) => sent.to === typed)?.subject).toBe('Kode masuk LAPOR!');
      const signedIn = await verify(address, { email, code });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.reporterId).toBe(reporterId);
    });

    test('an unknown contact gets the same 202 as a known one, and nothing is sent to it', async () => {
      const known = freshPhone();
      await registered({ phone: known });
      const unknown = freshPhone();
      const forUnknown = await askCode(freshAddress(), { phone: unknown });
      const message = harness().signIn.nextMessageTo(known);
      const forKnown = await askCode(freshAddress(), { phone: known });
      await message; // codes go out after the answer: once the later request's has, the earlier one's would have too
      expect(forUnknown.status).toBe(202);
      expect(forUnknown.body).toEqual(forKnown.body);
      expect(forUnknown.headers['content-type']).toBe(forKnown.headers['content-type']);
      expect(JSON.stringify(forKnown.body)).not.toMatch(/\d{6}/);
      harness().conformance.assertConforms(forKnown);
      expect(harness().signIn.smsSent.filter((sent) => sent.to === unknown)).toEqual([]);
    });

    test('a wrong code is a 401 and leaves the right one working; used once, the right code is a 401 the second time', async () => {
      const { phone, address, code } = await accountWithCode();
      const wrong = await verify(address, { phone, code: otherThan(code) });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toMatchObject({ status: 401, code: 'sign_in_failed' });
      harness().conformance.assertConforms(wrong);
      expect((await verify(address, { phone, code })).status).toBe(200);
      const reused = await verify(address, { phone, code });
      expect(reused.status).toBe(401);
      expect(reused.body).toEqual(wrong.body);
    });

    test('after 5 wrong tries the code is dead: the right code on the 6th try is a 401', async () => {
      const { phone, address, code } = await accountWithCode();
      for (let attempt = 1; attempt <= 5; attempt++) expect((await verify(address, { phone, code: otherThan(code) })).status).toBe(401);
      const sixth = await verify(address, { phone, code });
      expect(sixth.status).toBe(401);
      expect(sixth.body.code).toBe('sign_in_failed');
    });

    test('a code works for 10 minutes: at 9:59 it signs in, a code past 10:00 is a 401 like any other failure', async () => {
      const { phone, address, code: inTime } = await accountWithCode();
      clock.advanceSeconds(599);
      expect((await verify(address, { phone, code: inTime })).status).toBe(200);
      const late = await codeFor({ phone }, address);
      clock.advanceSeconds(600);
      const expired = await verify(address, { phone, code: late });
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe('sign_in_failed');
    });

    test('a new code replaces the last one', async () => {
      const { phone, address, code: first } = await accountWithCode();
      const second = await codeFor({ phone }, address);
      // One in a million, the same code twice: then the first is the second.
      if (first !== second) expect((await verify(address, { phone, code: first })).status).toBe(401);
      expect((await verify(address, { phone, code: second })).status).toBe(200);
    });

    test('an unknown contact is the same 401 as a wrong code', async () => {
      const { phone, address, code } = await accountWithCode();
      const wrong = await verify(address, { phone, code: otherThan(code) });
      const unknown = await verify(address, { phone: freshPhone(), code });
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(unknown.headers['www-authenticate']).toBe(wrong.headers['www-authenticate']);
    });

    test('an erased account is sent no code and cannot sign in with one issued before', async () => {
      const { reporterId, phone, address, code } = await accountWithCode();
      const erase = await request(harness().app).post(`/api/reporters/${reporterId}/erase`).set('authorization', await apiClient(harness()).as.reporter(reporterId)).send({});
      expect(erase.status).toBe(200);
      expect((await verify(address, { phone, code })).status).toBe(401);
      const sentBefore = harness().signIn.smsSent.filter((sent) => sent.to === phone).length;
      expect((await askCode(address, { phone })).status).toBe(202);
      await accountWithCode(); // codes go out after the answer: once a later request's has, this one's would have too
      expect(harness().signIn.smsSent.filter((sent) => sent.to === phone)).toHaveLength(sentBefore);
    });

    test.each([
      ['an unknown field', '/api/reporters/sign-in', { phone: '081234567890', role: 'admin' }, 'body.role'],
      ['both a phone and an email', '/api/reporters/sign-in', { phone: '081234567890', email: 'a@example.org' }, 'body.phone'],
      ['neither', '/api/reporters/sign-in', {}, 'body.phone'],
      ['a malformed email', '/api/reporters/sign-in', { email: 'not-an-address' }, 'body.email'],
      ['a code of 5 digits', '/api/reporters/sign-in/verify', { phone: '081234567890', code: '12345' }, 'body.code'],
      ['no code', '/api/reporters/sign-in/verify', { phone: '081234567890' }, 'body.code'],
      ['an unknown field on verify', '/api/reporters/sign-in/verify', { phone: '081234567890', code: '123456', reporterId: 'x' }, 'body.reporterId'],
    ])('%s is a 400 naming the field', async (_label, path, body, field) => {
      const response = await post(path, freshAddress(), body);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(field);
      harness().conformance.assertConforms(response);
    });

    test(`code requests: the ${SIGN_IN_PER_HOUR + 1}th in an hour from one address, or for one contact from several, is a 429 with Retry-After`, async () => {
      const address = freshAddress();
      for (let n = 0; n < SIGN_IN_PER_HOUR; n++) expect((await askCode(address, { phone: freshPhone() })).status).toBe(202);
      const fromAddress = await askCode(address, { phone: freshPhone() });
      expect(fromAddress.status).toBe(429);
      expect(Number(fromAddress.headers['retry-after'])).toBeGreaterThan(0);
      harness().conformance.assertConforms(fromAddress);
      const email = freshEmail();
      for (let n = 0; n < SIGN_IN_PER_HOUR; n++) expect((await askCode(freshAddress(), { email })).status).toBe(202);
      const forContact = await askCode(freshAddress(), { email: email.toUpperCase() });
      expect(forContact.status).toBe(429);
      expect(Number(forContact.headers['retry-after'])).toBeGreaterThan(0);
    });

    test(`code tries: beyond ${SIGN_IN_PER_HOUR * 5} failures in an hour from one address, a 429`, async () => {
      const address = freshAddress();
      for (let n = 0; n < SIGN_IN_PER_HOUR * 5; n++) expect((await verify(address, { phone: freshPhone(), code: '000000' })).status).toBe(401);
      const beyond = await verify(address, { phone: freshPhone(), code: '000000' });
      expect(beyond.status).toBe(429);
      expect(Number(beyond.headers['retry-after'])).toBeGreaterThan(0);
    });

    test('code tries for one contact: beyond 10 failures in a day, from however many addresses, a 429; a right code gives its try back', async () => {
      const { phone, address, code } = await accountWithCode();
      expect((await verify(address, { phone, code })).status).toBe(200);
      for (let n = 0; n < 10; n++) expect((await verify(freshAddress(), { phone, code: '000000' })).status).toBe(401);
      const beyond = await verify(freshAddress(), { phone, code: '000000' });
      expect(beyond.status).toBe(429);
      expect(Number(beyond.headers['retry-after'])).toBeGreaterThan(0);
    });

    test(`registrations: the ${SIGN_IN_PER_HOUR + 1}th in an hour from one address is a 429`, async () => {
      const address = freshAddress();
      for (let n = 0; n < SIGN_IN_PER_HOUR; n++) await registered({ phone: freshPhone() }, address);
      const beyond = await post('/api/reporters', address, { name: 'Budi', nik: '3273012345678901', phone: freshPhone() });
      expect(beyond.status).toBe(429);
      expect(Number(beyond.headers['retry-after'])).toBeGreaterThan(0);
      harness().conformance.assertConforms(beyond);
    });
  });
}
