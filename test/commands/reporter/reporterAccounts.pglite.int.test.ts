import { harnessForFile } from '../../read-api/readApiHarness';
import { registerReporterSuite } from './registerReporterSuite';
import { reporterErasureSuite } from './reporterErasureSuite';

// One in-memory PGlite for both suites: an instance takes seconds to start.
const file = harnessForFile('pglite');
registerReporterSuite('PGlite', file);
reporterErasureSuite('PGlite', file);
