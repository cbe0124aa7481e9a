import { attachmentsSuite } from './attachmentsSuite';
import { harnessForFile } from './readApiHarness';

const { harness } = harnessForFile('pglite');

attachmentsSuite('PGlite', harness);
