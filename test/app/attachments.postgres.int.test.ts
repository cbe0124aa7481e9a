import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createAttachmentSide, type AttachmentSide } from '../../app/attachments';
import { loadConfig } from '../../app/config';
import { createApp } from '../../app/http/createApp';
import { RateLimitStore } from '../../app/http/rateLimitStore';
import { createLogger } from '../../app/logger';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { jpegWithMetadata, PNG_SIGNATURE, pngChunk, pngParts, strippedJpeg } from '../commands/attachments/media/imageFixtures';
import { s3AttachmentStore } from '../../commands/attachments/store/s3AttachmentStore';
import { connect, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';
import { fakeS3Unavailable, startFakeS3, type FakeS3 } from '../s3/fakeS3';

const schema = uniqueSchema('attachment_side');
let sql: SqlClient;
let dataDir: string;
beforeAll(async () => {
  sql = connect();
  dataDir = await mkdtemp(join(tmpdir(), 'lapor-data-'));
});
afterAll(async () => {
  await dropSchema(sql, schema);
  await sql.close();
  await rm(dataDir, { recursive: true, force: true });
});

const config = (env: Record<string, string>) => loadConfig({ ATTACHMENT_UPLOADS_PER_HOUR: '2', ...env });
const appOf = (side: AttachmentSide) =>
  createApp({ logger: createLogger('silent'), formRouters: [side.uploadRouter], routers: [], checkReadiness: async () => ({ ready: true, detail: {} }) });
const png = (label: string): Buffer => Buffer.concat([PNG_SIGNATURE, pngParts.ihdr, pngChunk('IDAT', Buffer.from(label)), pngParts.iend]);

describe('the attachment side as npm start composes it (PostgreSQL rate limits, files under DATA_DIR)', () => {
  test('uploads land in <DATA_DIR>/attachments; beyond ATTACHMENT_UPLOADS_PER_HOUR from one address a 429 with Retry-After, nothing stored', async () => {
    const app = appOf(await createAttachmentSide(config({ DATA_DIR: dataDir }), { sql, schema, rateLimits: await RateLimitStore.open(sql, schema) }));
    const first = await request(app).post('/api/attachments').attach('file', jpegWithMetadata(), 'a.jpg');
    const second = await request(app).post('/api/attachments').attach('file', png('dua'), 'b.png');
    const third = await request(app).post('/api/attachments').attach('file', png('tiga'), 'c.png');
    expect([first.status, second.status, third.status]).toEqual([201, 201, 429]);
    expect(third.body.code).toBe('rate_limited');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    const stored = (await readdir(join(dataDir, 'attachments'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    expect(stored.sort()).toEqual([first.body.id, second.body.id].sort());
  });

  test('without a rate-limit store (INTAKE_RATE_PER_HOUR=0) uploads are not limited', async () => {
    const app = appOf(await createAttachmentSide(config({ DATA_DIR: join(dataDir, 'unlimited') }), { sql, schema }));
    const statuses = [];
    for (const label of ['satu', 'dua', 'tiga']) statuses.push((await request(app).post('/api/attachments').attach('file', png(label), 'x.png')).status);
    expect(statuses).toEqual([201, 201, 201]);
  });
});

const unavailable = fakeS3Unavailable();
(unavailable === undefined ? describe : describe.skip)('the attachment side with ATTACHMENTS_S3_ENDPOINT (a fake S3 server)', () => {
  let server: FakeS3;
  beforeAll(async () => {
    server = await startFakeS3();
  }, 600_000);
  afterAll(() => server?.stop());

  test('uploads go to the bucket, not to DATA_DIR', async () => {
    const s3 = { ATTACHMENTS_S3_BUCKET: server.bucket, ATTACHMENTS_S3_ACCESS_KEY_ID: 'lapor', ATTACHMENTS_S3_SECRET_ACCESS_KEY: 'rahasia' };
    const localDir = join(dataDir, 's3-node');
    const app = appOf(await createAttachmentSide(config({ DATA_DIR: localDir, ATTACHMENTS_S3_ENDPOINT: server.endpoint, ...s3 }), { sql, schema }));
    const response = await request(app).post('/api/attachments').attach('file', jpegWithMetadata(), 'a.jpg');
    expect(response.status).toBe(201);
    const bucket = s3AttachmentStore({ endpoint: server.endpoint, bucket: server.bucket, accessKeyId: 'lapor', secretAccessKey: 'rahasia', region: 'us-east-1' });
    expect(await bucket.get(response.body.id as string)).toEqual(strippedJpeg());
    await expect(readdir(localDir)).rejects.toThrow(/ENOENT/);
  });
});
