import type { SqlClient } from '../../../eventstore/postgres/sqlClient';
import { connect, dropSchema, uniqueSchema } from '../../eventstore/postgres/testDatabase';
import { openApiHarness, type ApiHarness } from '../http/apiHarness';
import { recordingChannels } from './channelHarness';
import { channelsSuite } from './channelsSuite';

const schema = uniqueSchema('channels');
const channels = recordingChannels();
let sql: SqlClient;
let harness: ApiHarness;

beforeAll(async () => {
  sql = connect();
  harness = await openApiHarness(sql, schema, { channels: channels.settings });
});

afterAll(async () => {
  await harness.close();
  await dropSchema(sql, schema);
  await sql.close();
});

channelsSuite('PostgreSQL', () => harness, () => channels);
