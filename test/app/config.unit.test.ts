import { ConfigError, loadConfig } from '../../app/config';

function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('configuration from the environment', () => {
  test('nothing set means embedded in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: './data', HOST: '127.0.0.1', DATABASE_SCHEMA: 'lapor' });
    expect(config.EVENTSTORE_URL).toBeUndefined();
  });

  test('a wrong value stops start-up with one line naming the variable', () => {
    const portError = configError({ PORT: 'eighty' });
    expect(portError).toMatch(/^configuration error: PORT: /);
    expect(portError).not.toContain('\n');
    expect(configError({ EVENTSTORE_URL: 'mysql://x' })).toBe('configuration error: EVENTSTORE_URL: must start with postgres://, postgresql:// or esdb://');
    expect(configError({ READ_STORE_URL: 'redis://x' })).toMatch(/^configuration error: READ_STORE_URL: /);
    expect(configError({ DATABASE_SCHEMA: 'Robert"); DROP' })).toMatch(/^configuration error: DATABASE_SCHEMA: /);
  });

  test('a server ledger needs the vault master key from configuration', () => {
    expect(configError({ EVENTSTORE_URL: 'postgres://db/lapor' })).toMatch(/^configuration error: VAULT_MASTER_KEY: required/);
    expect(configError({ EVENTSTORE_URL: 'esdb://es:2113', VAULT_MASTER_KEY: 'c2hvcnQ=' })).toMatch(/^configuration error: VAULT_MASTER_KEY: must be 32 bytes/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ EVENTSTORE_URL: 'postgres://db/lapor', VAULT_MASTER_KEY: key, JWT_JWKS_URL: 'https://sso.example.id/jwks.json' }).VAULT_MASTER_KEY).toBe(key);
  });
});
