import { harnessForFile } from '../../read-api/readApiHarness';
import { registerReporterSuite } from './registerReporterSuite';
import { reporterErasureSuite } from './reporterErasureSuite';

const file = harnessForFile({ postgresSchemaPrefix: 'accounts' });
registerReporterSuite('PostgreSQL', file);
reporterErasureSuite('PostgreSQL', file);
