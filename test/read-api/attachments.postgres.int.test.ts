import { attachmentsSuite } from './attachmentsSuite';
import { harnessForFile } from './readApiHarness';

const { harness } = harnessForFile({ postgresSchemaPrefix: 'attachments' });

attachmentsSuite('PostgreSQL', harness);
