import { settableClock } from '../../commands/reporter/signInSuite';
import { harnessForFile } from '../../read-api/readApiHarness';
import { uploadSweepSuite } from './uploadSweepSuite';

const clock = settableClock();
uploadSweepSuite('PostgreSQL', harnessForFile({ postgresSchemaPrefix: 'upload_sweep' }, { commandClock: clock.now }), clock);
