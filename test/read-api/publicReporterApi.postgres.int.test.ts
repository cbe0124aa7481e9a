import { publicReporterSuite } from './publicReporterSuite';
import { harnessForFile } from './readApiHarness';

const { harness } = harnessForFile({ postgresSchemaPrefix: 'read_api' });

publicReporterSuite('PostgreSQL', harness);
