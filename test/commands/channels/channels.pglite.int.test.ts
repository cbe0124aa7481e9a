import { createPGliteSqlClient, openPGlite } from '../../../eventstore/postgres/pgliteSqlClient';
import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { openApiHarness, type ApiHarness } from '../http/apiHarness';
import { recordingChannels } from './channelHarness';
import { channelsSuite } from './channelsSuite';

const channels = recordingChannels();
let sql: SqlClient;
let harness: ApiHarness;

beforeAll(async () => {
  sql = createPGliteSqlClient(await openPGlite());
  harness = await openApiHarness(sql, 'lapor', { channels: channels.settings });
});

afterAll(async () => {
  await harness.close();
  await sql.close();
});

channelsSuite('PGlite', () => harness, () => channels);
