import { createHmac, generateKeyPairSync } from 'node:crypto';
import { InvalidToken } from '../../../app/auth/tokenVerifier';
import { createTestTokens, TEST_AUDIENCE, TEST_ISSUER, unsignedToken } from './testTokens';

const tokens = createTestTokens();
const now = () => Math.floor(Date.now() / 1000);
const validClaims = () => ({ sub: 'admin-1', role: 'admin', iss: TEST_ISSUER, aud: TEST_AUDIENCE, iat: now(), exp: now() + 600 });

test('a valid token becomes the actor, with the agency of an officer', async () => {
  await expect(tokens.verify(await tokens.token({ sub: 'admin-1', role: 'admin' }))).resolves.toEqual({ id: 'admin-1', role: 'admin' });
  const officer = await tokens.token({ sub: 'o-1', role: 'agency_officer', agency_id: 'kemenkes' });
  await expect(tokens.verify(officer)).resolves.toEqual({ id: 'o-1', role: 'agency_officer', agencyId: 'kemenkes' });
});

describe('refused tokens', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['alg none', async () => unsignedToken(validClaims()), /malformed|algorithm/],
    ['signed with another key', async () => tokens.token({ sub: 'a', role: 'admin' }, { privateKey: generateKeyPairSync('ed25519').privateKey }), /signature/],
    ['expired', async () => tokens.token({ sub: 'a', role: 'admin' }, { ttlSeconds: 60, now: new Date(Date.now() - 3_600_000) }), /expired/],
    ['for another audience', async () => tokens.token({ sub: 'a', role: 'admin' }, { audience: 'someone-else' }), /aud/],
    ['from another issuer', async () => tokens.token({ sub: 'a', role: 'admin' }, { issuer: 'evil' }), /iss/],
    [
      'HS256 with the public key as the secret (algorithm confusion)',
      async () => {
        const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const signingInput = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(validClaims())}`;
        const secret = tokens.publicKey.export({ type: 'spki', format: 'pem' });
        return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
      },
      /algorithm|malformed/,
    ],
    ['not a JWT at all', async () => 'hello.world', /malformed/],
    ['an officer without agency_id', async () => tokens.token({ sub: 'o', role: 'agency_officer' } as never), /agency_id/],
  ];
  test.each(cases)('%s', async (_name, make, reason) => {
    const token = await make().catch((error: Error) => `mint-failed:${error.message}`);
    if (token.startsWith('mint-failed:')) {
      // mintToken itself refuses claims the API would refuse.
      expect(token).toMatch(reason);
      return;
    }
    const failure = await tokens.verify(token).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(InvalidToken);
    expect((failure as InvalidToken).message).toMatch(reason);
  });
});
