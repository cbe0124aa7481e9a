import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskAttachmentStore } from '../../../../commands/attachments/store/diskAttachmentStore';
import { attachmentStoreContract } from './attachmentStoreContract';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'lapor-attachments-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1));
}

attachmentStoreContract('disk', () => diskAttachmentStore(directory));

describe('diskAttachmentStore (a real directory)', () => {
  test('a file at <first two hex digits>/<id>; the same bytes twice, even at once, are one file and no temporary file stays', async () => {
    const store = diskAttachmentStore(directory);
    const bytes = Buffer.from('sama');
    const { id } = await store.put(bytes);
    await Promise.all([store.put(bytes), store.put(bytes), store.put(Buffer.from('lain'))]);
    expect((await filesUnder(directory)).sort()).toEqual([`${id.slice(0, 2)}/${id}`, `${sha256(Buffer.from('lain')).slice(0, 2)}/${sha256(Buffer.from('lain'))}`].sort());
  });
});
