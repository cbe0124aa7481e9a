import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskAttachmentStore } from '../../../../commands/attachments/store/diskAttachmentStore';

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

describe('diskAttachmentStore (a real directory)', () => {
  test('stores bytes under their SHA-256 and reads them back', async () => {
    const store = diskAttachmentStore(directory);
    const bytes = Buffer.from('foto jalan berlubang');
    const id = sha256(bytes);
    expect(await store.put(bytes)).toEqual({ id, newlyStored: true });
    expect(await store.get(id)).toEqual(bytes);
    expect(await filesUnder(directory)).toEqual([`${id.slice(0, 2)}/${id}`]);
  });

  test('the same bytes twice, even at once, are one file; the second put writes nothing', async () => {
    const store = diskAttachmentStore(directory);
    const bytes = Buffer.from('sama');
    const first = await store.put(bytes);
    expect(await store.put(bytes)).toEqual({ id: first.id, newlyStored: false });
    const other = Buffer.from('bersamaan');
    const together = await Promise.all([store.put(other), store.put(other), store.put(other)]);
    expect(new Set(together.map((r) => r.id))).toEqual(new Set([sha256(other)]));
    expect((await filesUnder(directory)).sort()).toEqual([`${first.id.slice(0, 2)}/${first.id}`, `${sha256(other).slice(0, 2)}/${sha256(other)}`].sort());
  });

  test('an unknown id, and anything that is not a hex SHA-256 (a path), read as nothing', async () => {
    const store = diskAttachmentStore(directory);
    await store.put(Buffer.from('ada'));
    expect(await store.get('0'.repeat(64))).toBeUndefined();
    expect(await store.get('../../etc/passwd')).toBeUndefined();
    expect(await store.get(sha256(Buffer.from('ada')).toUpperCase())).toBeUndefined();
  });
});
