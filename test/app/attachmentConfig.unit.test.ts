import { ConfigError, loadConfig } from '../../app/config';

const s3 = { ATTACHMENTS_S3_ENDPOINT: 'https://s3.ap-southeast-3.amazonaws.com', ATTACHMENTS_S3_BUCKET: 'lapor-lampiran', ATTACHMENTS_S3_ACCESS_KEY_ID: 'AKIA', ATTACHMENTS_S3_SECRET_ACCESS_KEY: 'rahasia' };

test('attachments: 10 MiB, 60 uploads an hour per address, unreferenced ones kept 24 h, stored under DATA_DIR unless ATTACHMENTS_DIR says otherwise', () => {
  const defaults = loadConfig({});
  expect(defaults).toMatchObject({ ATTACHMENT_MAX_BYTES: 10_485_760, ATTACHMENT_UPLOADS_PER_HOUR: 60, ATTACHMENT_UPLOAD_GRACE_HOURS: 24 });
  expect(loadConfig({ ATTACHMENT_UPLOAD_GRACE_HOURS: '72' }).ATTACHMENT_UPLOAD_GRACE_HOURS).toBe(72);
  expect(defaults.ATTACHMENTS_DIR).toBeUndefined();
  expect(loadConfig({ ATTACHMENT_MAX_BYTES: '2097152', ATTACHMENTS_DIR: '/srv/lapor/files' })).toMatchObject({ ATTACHMENT_MAX_BYTES: 2_097_152, ATTACHMENTS_DIR: '/srv/lapor/files' });
});

test.each([
  [{ ATTACHMENT_MAX_BYTES: '10MB' }, /^configuration error: ATTACHMENT_MAX_BYTES: /],
  [{ ATTACHMENT_MAX_BYTES: '0' }, /^configuration error: ATTACHMENT_MAX_BYTES: /],
  [{ ATTACHMENT_MAX_BYTES: '200000000' }, /^configuration error: ATTACHMENT_MAX_BYTES: /],
  [{ ATTACHMENT_UPLOADS_PER_HOUR: '0' }, /^configuration error: ATTACHMENT_UPLOADS_PER_HOUR: /],
  [{ ATTACHMENTS_DIR: '' }, /^configuration error: ATTACHMENTS_DIR: /],
  [{ ATTACHMENT_UPLOAD_GRACE_HOURS: '0' }, /^configuration error: ATTACHMENT_UPLOAD_GRACE_HOURS: /],
  [{ ATTACHMENT_UPLOAD_GRACE_HOURS: '1.5' }, /^configuration error: ATTACHMENT_UPLOAD_GRACE_HOURS: /],
  [{ ATTACHMENTS_S3_ENDPOINT: 'http://s3.example.go.id' }, /^configuration error: ATTACHMENTS_S3_ENDPOINT: must be an https/],
  [{ ATTACHMENTS_S3_ENDPOINT: 'https://s3.example.go.id' }, /^configuration error: ATTACHMENTS_S3_BUCKET: required with ATTACHMENTS_S3_ENDPOINT$/],
  [{ ATTACHMENTS_S3_ENDPOINT: 'https://s3.example.go.id', ATTACHMENTS_S3_BUCKET: 'lapor' }, /^configuration error: ATTACHMENTS_S3_ACCESS_KEY_ID: required/],
  [{ ...s3, ATTACHMENTS_DIR: '/srv/lapor/files' }, /^configuration error: ATTACHMENTS_DIR: set either/],
  [{ ...s3, ATTACHMENTS_S3_BUCKET: 'Not_A_Bucket' }, /^configuration error: ATTACHMENTS_S3_BUCKET: must be an S3 bucket name/],
])('a bad attachment setting stops start-up naming it: %o', (env, message) => {
  expect(() => loadConfig(env)).toThrow(ConfigError);
  expect(() => loadConfig(env)).toThrow(message);
});

test('an S3-compatible store: endpoint, bucket and keys together; the region defaults to us-east-1', () => {
  expect(loadConfig(s3)).toMatchObject({ ...s3, ATTACHMENTS_S3_REGION: 'us-east-1' });
  expect(loadConfig({ ...s3, ATTACHMENTS_S3_ENDPOINT: 'http://127.0.0.1:9000', ATTACHMENTS_S3_REGION: 'ap-southeast-3' }).ATTACHMENTS_S3_REGION).toBe('ap-southeast-3');
});
