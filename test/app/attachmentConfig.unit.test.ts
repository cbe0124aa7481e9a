import { ConfigError, loadConfig } from '../../app/config';

test('attachments: 10 MiB, 60 uploads an hour per address, stored under DATA_DIR unless ATTACHMENTS_DIR says otherwise', () => {
  const defaults = loadConfig({});
  expect(defaults).toMatchObject({ ATTACHMENT_MAX_BYTES: 10_485_760, ATTACHMENT_UPLOADS_PER_HOUR: 60 });
  expect(defaults.ATTACHMENTS_DIR).toBeUndefined();
  expect(loadConfig({ ATTACHMENT_MAX_BYTES: '2097152', ATTACHMENTS_DIR: '/srv/lapor/files' })).toMatchObject({ ATTACHMENT_MAX_BYTES: 2_097_152, ATTACHMENTS_DIR: '/srv/lapor/files' });
});

test.each([
  [{ ATTACHMENT_MAX_BYTES: '10MB' }, /^configuration error: ATTACHMENT_MAX_BYTES: /],
  [{ ATTACHMENT_MAX_BYTES: '0' }, /^configuration error: ATTACHMENT_MAX_BYTES: /],
  [{ ATTACHMENT_MAX_BYTES: '200000000' }, /^configuration error: ATTACHMENT_MAX_BYTES: /],
  [{ ATTACHMENT_UPLOADS_PER_HOUR: '0' }, /^configuration error: ATTACHMENT_UPLOADS_PER_HOUR: /],
  [{ ATTACHMENTS_DIR: '' }, /^configuration error: ATTACHMENTS_DIR: /],
])('a bad attachment setting stops start-up naming it: %o', (env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(message);
});
