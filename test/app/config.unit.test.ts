import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from '../../app/config';

const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const server = { EVENTSTORE_URL: 'postgres://127.0.0.1/lapor', VAULT_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') };

test('JWT defaults for the embedded setup', () => {
  expect(loadConfig({})).toMatchObject({ JWT_ISSUER: 'lapor-dev', JWT_AUDIENCE: 'lapor-api', JWT_ALGORITHMS: ['EdDSA'], JWT_CLOCK_TOLERANCE_SECONDS: 5 });
});

test('an SSO key with pinned algorithms; PEM with escaped newlines is accepted', () => {
  const config = loadConfig({ ...server, JWT_PUBLIC_KEY: pem.replaceAll('\n', '\\n'), JWT_ALGORITHMS: 'ES256, RS256' });
  expect(config.JWT_ALGORITHMS).toEqual(['ES256', 'RS256']);
  expect(config.JWT_PUBLIC_KEY).toBe(pem);
});

test.each([
  [{ JWT_ALGORITHMS: 'none' }, /^configuration error: JWT_ALGORITHMS\.0: /],
  [{ JWT_ALGORITHMS: 'HS256' }, /^configuration error: JWT_ALGORITHMS\.0: /],
  [{ JWT_PUBLIC_KEY: 'not a key' }, /^configuration error: JWT_PUBLIC_KEY: must be a public key/],
  [{ JWT_JWKS_URL: 'http://sso.example.go.id/jwks' }, /^configuration error: JWT_JWKS_URL: must be an https/],
  [{ JWT_CLOCK_TOLERANCE_SECONDS: '9999' }, /^configuration error: JWT_CLOCK_TOLERANCE_SECONDS: /],
  [{ ...server }, /^configuration error: JWT_PUBLIC_KEY: JWT_PUBLIC_KEY or JWT_JWKS_URL is required/],
  [{ JWT_PUBLIC_KEY: pem, JWT_JWKS_URL: 'https://sso.example.go.id/jwks' }, /^configuration error: JWT_JWKS_URL: set either/],
])('bad JWT configuration stops start-up with one line: %o', (env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(message);
  try {
    loadConfig(env);
  } catch (error) {
    expect((error as Error).message).not.toContain('\n');
  }
});
