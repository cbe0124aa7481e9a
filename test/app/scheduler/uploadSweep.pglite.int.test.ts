import { settableClock } from '../../commands/reporter/signInSuite';
import { harnessForFile } from '../../read-api/readApiHarness';
import { uploadSweepSuite } from './uploadSweepSuite';

// One in-memory PGlite for the file: an instance takes seconds to start.
const clock = settableClock();
uploadSweepSuite('PGlite', harnessForFile('pglite', { commandClock: clock.now }), clock);
