import { ConfigError, loadConfig } from '../../app/config';
import { channelSettings } from '../../app/channelSettings';
import { createLogger } from '../../app/logger';
import type { ReadModelReader } from '../../projections/store/readModelReader';

const TWITTER_WEBHOOK_SECRET = 'twitter-relay-shared-secret-0123456789abcdef';

test('reply defaults: the X API at api.x.com, a dispatcher pass every 5 s, 8 attempts 10 s to 10 min apart', () => {
  expect(loadConfig({})).toMatchObject({ X_API_BASE_URL: 'https://api.x.com', REPLY_DISPATCH_INTERVAL_SECONDS: 5, REPLY_MAX_ATTEMPTS: 8, REPLY_FIRST_RETRY_SECONDS: 10, REPLY_MAX_RETRY_SECONDS: 600 });
  expect(loadConfig({}).X_API_USER_TOKEN).toBeUndefined();
});

test.each([
  [{ X_API_USER_TOKEN: 'abc', TWITTER_WEBHOOK_SECRET }, /^configuration error: X_API_USER_TOKEN: must be the access token/],
  [{ X_API_USER_TOKEN: 'a token with spaces in it, far too', TWITTER_WEBHOOK_SECRET }, /^configuration error: X_API_USER_TOKEN: /],
  [{ X_API_USER_TOKEN: 'user-access-token-0123456789' }, /^configuration error: X_API_USER_TOKEN: set TWITTER_WEBHOOK_SECRET too/],
  [{ X_API_BASE_URL: 'http://api.x.example' }, /^configuration error: X_API_BASE_URL: must be an https:\/\/ URL/],
  [{ REPLY_MAX_ATTEMPTS: '0' }, /^configuration error: REPLY_MAX_ATTEMPTS: /],
  [{ REPLY_FIRST_RETRY_SECONDS: '60', REPLY_MAX_RETRY_SECONDS: '30' }, /^configuration error: REPLY_MAX_RETRY_SECONDS: must not be less than REPLY_FIRST_RETRY_SECONDS/],
])('%j is refused at start-up with a one-line message naming the variable', (env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(message);
});

test('tweet replies go to the X API when a user token is set, and are logged otherwise', async () => {
  const reader = {} as ReadModelReader;
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  const logged = channelSettings(loadConfig({ TWITTER_WEBHOOK_SECRET }), logger, reader).twitter!.replier;
  expect(await logged.reply({ id: 'r1', inReplyToTweetId: '1', text: 'halo' })).toEqual({});
  expect(lines.join('')).toContain('development: not sent');
  // The configured base URL is called (nothing listens on port 9 of loopback: the call fails there).
  const viaX = channelSettings(loadConfig({ TWITTER_WEBHOOK_SECRET, X_API_USER_TOKEN: 'user-access-token-0123456789', X_API_BASE_URL: 'http://127.0.0.1:9' }), logger, reader).twitter!.replier;
  await expect(viaX.reply({ id: 'r2', inReplyToTweetId: '1', text: 'halo' })).rejects.toThrow();
});
