import { harnessForFile } from '../read-api/readApiHarness';
import { open311Suite } from './open311Suite';

const { harness } = harnessForFile('pglite');

open311Suite('PGlite', harness);
