import { harnessForFile } from './readApiHarness';
import { staffApiSuite } from './staffApiSuite';
import { READ_NOW } from './staffFixture';

const { harness } = harnessForFile('pglite', { readNow: READ_NOW });

staffApiSuite('PGlite', harness);
