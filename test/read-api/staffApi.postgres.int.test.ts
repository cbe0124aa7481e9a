import { harnessForFile } from './readApiHarness';
import { staffApiSuite } from './staffApiSuite';
import { READ_NOW } from './staffFixture';

const { harness } = harnessForFile({ postgresSchemaPrefix: 'staff_api' }, { readNow: READ_NOW });

staffApiSuite('PostgreSQL', harness);
