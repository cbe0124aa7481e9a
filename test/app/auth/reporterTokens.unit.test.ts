import { createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifierByIssuer } from '../../../app/auth/issuerVerifier';
import { mintToken } from '../../../app/auth/mintToken';
import { acceptedTokensFromConfig } from '../../../app/auth/reporterTokensFromConfig';
import { reporterSigningKey } from '../../../app/auth/reporterSigningKey';
import { reporterTokens } from '../../../app/auth/reporterTokens';
import { tokenSettingsFromConfig } from '../../../app/auth/tokenSettingsFromConfig';
import { InvalidToken } from '../../../app/auth/tokenVerifier';
import { loadConfig } from '../../../app/config';
import { createTestTokens, TEST_AUDIENCE, TEST_ISSUER } from './testTokens';

const REPORTER_ISSUER = 'lapor-reporter-test';
const key = generateKeyPairSync('ed25519');
const reporter = reporterTokens({ issuer: REPORTER_ISSUER, audience: TEST_AUDIENCE, key, ttlSeconds: 600, clockToleranceSeconds: 5 });
const staff = createTestTokens();
const verify = verifierByIssuer(
  new Map([
    [TEST_ISSUER, staff.verify],
    [REPORTER_ISSUER, reporter.verify],
  ]),
);
const signedByReporterKey = (role: 'reporter' | 'admin', overrides: { issuer?: string; now?: Date } = {}) =>
  mintToken({ claims: { sub: 'acct-1', role }, issuer: overrides.issuer ?? REPORTER_ISSUER, audience: TEST_AUDIENCE, ttlSeconds: 600, algorithm: 'EdDSA', privateKey: key.privateKey, ...(overrides.now ? { now: overrides.now } : {}) });

describe('one verifier for the staff issuer and the reporter sign-in', () => {
  test('an issued reporter token is the reporter; staff tokens of the SSO still pass', async () => {
    const issued = await reporter.issue('acct-7');
    expect(issued.expiresInSeconds).toBe(600);
    await expect(verify(issued.token)).resolves.toEqual({ id: 'acct-7', role: 'reporter' });
    await expect(verify(await staff.token({ sub: 'admin-1', role: 'admin' }))).resolves.toEqual({ id: 'admin-1', role: 'admin' });
  });

  test.each([
    ['a staff role under the reporter issuer', () => signedByReporterKey('admin'), /role/],
    ['the reporter issuer signed by the SSO key', async () => staff.token({ sub: 'acct-1', role: 'reporter' }, { issuer: REPORTER_ISSUER }), /signature/],
    ['the staff issuer signed by the reporter key', () => signedByReporterKey('admin', { issuer: TEST_ISSUER }), /signature/],
    ['an issuer trusted by neither', () => signedByReporterKey('reporter', { issuer: 'evil' }), /iss/],
    ['an expired reporter token', () => signedByReporterKey('reporter', { now: new Date(Date.now() - 3_600_000) }), /expired/],
    ['not a JWT', async () => 'not.a-jwt', /malformed/],
  ])('refuses %s', async (_label, make, reason) => {
    const refusal = verify(await make());
    await expect(refusal).rejects.toBeInstanceOf(InvalidToken);
    await expect(refusal).rejects.toThrow(reason);
  });
});

describe('the reporter signing key', () => {
  test('derived from the vault master key: the same on every node with the same master key, another for another', () => {
    const master = randomBytes(32);
    const publicPem = (pair: { publicKey: { export(options: { type: 'spki'; format: 'pem' }): string | Buffer } }) => pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(publicPem(reporterSigningKey(undefined, master))).toBe(publicPem(reporterSigningKey(undefined, Buffer.from(master))));
    expect(publicPem(reporterSigningKey(undefined, master))).not.toBe(publicPem(reporterSigningKey(undefined, randomBytes(32))));
    expect(reporterSigningKey(undefined, master).privateKey.asymmetricKeyType).toBe('ed25519');
  });

  test('REPORTER_JWT_PRIVATE_KEY when configured', () => {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const pair = reporterSigningKey(pem, randomBytes(32));
    expect(pair.publicKey.export({ type: 'spki', format: 'der' })).toEqual(createPublicKey(pem).export({ type: 'spki', format: 'der' }));
  });
});

describe('configuration', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'lapor-reporter-tokens-'));

  test('the embedded default: tokens the configured verifier accepts, for the reporter role', async () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    const accepted = acceptedTokensFromConfig(config, tokenSettingsFromConfig(config).settings);
    const issued = await accepted.reporterTokens.issue('acct-9');
    await expect(accepted.verifyToken(issued.token)).resolves.toEqual({ id: 'acct-9', role: 'reporter' });
    expect(config.REPORTER_JWT_ISSUER).not.toBe(config.JWT_ISSUER);
    expect(config.REPORTER_TOKEN_TTL_SECONDS).toBe(3600);
  });

  test('an issuer equal to JWT_ISSUER, or a key that is not Ed25519, stops start-up with one line naming the variable', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), REPORTER_JWT_ISSUER: 'lapor-dev' });
    expect(() => acceptedTokensFromConfig(config, tokenSettingsFromConfig(config).settings)).toThrow(/^configuration error: REPORTER_JWT_ISSUER: /);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadConfig({ DATA_DIR: dataDir(), REPORTER_JWT_PRIVATE_KEY: rsa })).toThrow(/^configuration error: REPORTER_JWT_PRIVATE_KEY: must be an Ed25519/);
  });
});
