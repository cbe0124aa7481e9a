import { publicReporterSuite } from './publicReporterSuite';
import { harnessForFile } from './readApiHarness';

const { harness } = harnessForFile('pglite');

publicReporterSuite('PGlite', harness);
