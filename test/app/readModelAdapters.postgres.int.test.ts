import request from 'supertest';
import { publicStatusLookup } from '../../app/channelSettings';
import { oversightDueCandidates } from '../../app/scheduler/oversightDueCandidates';
import type { TrackingId } from '../../domain/trackingId';
import { validReport } from '../commands/http/apiHarness';
import { harnessForFile } from '../read-api/readApiHarness';

const { harness } = harnessForFile({ postgresSchemaPrefix: 'adapters' });

const file = async (overrides: Record<string, unknown> = {}) => {
  const response = await request(harness().app).post('/api/complaints').send(validReport(overrides)).expect(201);
  return response.body as { id: string; trackingId: TrackingId };
};

const collect = async (ids: AsyncIterable<string>): Promise<string[]> => {
  const all: string[] = [];
  for await (const id of ids) all.push(id);
  return all;
};

describe('read-model adapters of the command side, on PostgreSQL', () => {
  test('SMS STATUS reads the public read model: a confidential complaint gives its status, an unknown tracking id nothing', async () => {
    const open = await file();
    const confidential = await file({ confidential: true });
    await harness().project();
    const statusOf = publicStatusLookup(harness().readStore);
    await expect(statusOf(open.trackingId)).resolves.toBe('submitted');
    await expect(statusOf(confidential.trackingId)).resolves.toBe('submitted');
    await expect(statusOf('000000000000Z' as TrackingId)).resolves.toBeUndefined();
  });

  test('the scheduler finds the open complaints whose deadline has passed, and no others', async () => {
    const filed = await file();
    await harness().project();
    const candidates = oversightDueCandidates(harness().readStore);
    // Filed on Monday 3 March 2025: verification is due three working days later.
    expect(await collect(candidates('2025-03-04T09:00:00+07:00'))).not.toContain(filed.id);
    expect(await collect(candidates('2025-04-30T09:00:00+07:00'))).toContain(filed.id);
  });
});
