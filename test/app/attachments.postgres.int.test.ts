import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createAttachmentSide } from '../../app/attachments';
import { createApp } from '../../app/http/createApp';
import { RateLimitStore } from '../../app/http/rateLimitStore';
import { createLogger } from '../../app/logger';
import type { SqlClient } from '../../eventstore/postgres/sqlClient';
import { jpegWithMetadata, PNG_SIGNATURE, pngChunk, pngParts } from '../commands/attachments/media/imageFixtures';
import { connect, dropSchema, uniqueSchema } from '../eventstore/postgres/testDatabase';

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

const config = (dir: string) => ({ DATA_DIR: dir, ATTACHMENTS_DIR: undefined, ATTACHMENT_MAX_BYTES: 1024 * 1024, ATTACHMENT_UPLOADS_PER_HOUR: 2 });
const appOf = (side: ReturnType<typeof createAttachmentSide>) =>
  createApp({ logger: createLogger('silent'), formRouters: [side.uploadRouter], routers: [], checkReadiness: async () => ({ ready: true, detail: {} }) });
const png = (label: string): Buffer => Buffer.concat([PNG_SIGNATURE, pngParts.ihdr, pngChunk('IDAT', Buffer.from(label)), pngParts.iend]);

describe('the attachment side as npm start composes it (PostgreSQL rate limits, files under DATA_DIR)', () => {
  test('uploads land in <DATA_DIR>/attachments; beyond ATTACHMENT_UPLOADS_PER_HOUR from one address a 429 with Retry-After, nothing stored', async () => {
    const app = appOf(createAttachmentSide(config(dataDir), await RateLimitStore.open(sql, schema)));
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
    const app = appOf(createAttachmentSide(config(join(dataDir, 'unlimited'))));
    const statuses = [];
    for (const label of ['satu', 'dua', 'tiga']) statuses.push((await request(app).post('/api/attachments').attach('file', png(label), 'x.png')).status);
    expect(statuses).toEqual([201, 201, 201]);
  });
});
