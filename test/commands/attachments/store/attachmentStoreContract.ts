import { createHash } from 'node:crypto';
import type { AttachmentStore } from '../../../../commands/attachments/store/attachmentStore';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** What every attachment store adapter must do (disk, S3-compatible). */
export function attachmentStoreContract(label: string, store: () => AttachmentStore): void {
  describe(`${label}: the attachment store contract`, () => {
    test('stores bytes under their SHA-256 and reads them back exactly', async () => {
      const bytes = Buffer.from(`foto jalan berlubang ${label} \u0000\u00ff`, 'latin1');
      expect(await store().put(bytes)).toEqual({ id: sha256(bytes), newlyStored: true });
      expect(await store().get(sha256(bytes))).toEqual(bytes);
    });

    test('the same bytes again write nothing and keep the id; at once, they all get it', async () => {
      const bytes = Buffer.from(`sama ${label}`);
      await store().put(bytes);
      expect(await store().put(bytes)).toEqual({ id: sha256(bytes), newlyStored: false });
      const other = Buffer.from(`bersamaan ${label}`);
      const together = await Promise.all([store().put(other), store().put(other), store().put(other)]);
      expect(together.map((r) => r.id)).toEqual([sha256(other), sha256(other), sha256(other)]);
      expect(await store().get(sha256(other))).toEqual(other);
    });

    test('describes a stored file by its sniffed type and size without reading it all; nothing for an unknown id', async () => {
      const pdf = Buffer.from(`%PDF-1.4\n% ${label}\n%%EOF\n`, 'latin1');
      const { id } = await store().put(pdf);
      expect(await store().describe(id)).toEqual({ mediaType: 'application/pdf', sizeBytes: pdf.length });
      expect(await store().describe('0'.repeat(64))).toBeUndefined();
      expect(await store().describe('../x')).toBeUndefined();
    });

    test('deletes what is stored under an id, after which it reads and describes as nothing; other files stay; deleting again, an unknown id or a path is no error', async () => {
      const [gone, kept] = [Buffer.from(`dihapus ${label}`), Buffer.from(`disimpan ${label}`)];
      await store().put(gone);
      await store().put(kept);
      await store().delete(sha256(gone));
      expect(await store().get(sha256(gone))).toBeUndefined();
      expect(await store().describe(sha256(gone))).toBeUndefined();
      expect(await store().get(sha256(kept))).toEqual(kept);
      await expect(store().delete(sha256(gone))).resolves.toBeUndefined();
      await expect(store().delete('0'.repeat(64))).resolves.toBeUndefined();
      await expect(store().delete('../../etc/passwd')).resolves.toBeUndefined();
      expect(await store().put(gone)).toEqual({ id: sha256(gone), newlyStored: true });
    });

    test('an unknown id, and anything that is not a lower-case hex SHA-256 (a path), read as nothing', async () => {
      const bytes = Buffer.from(`ada ${label}`);
      await store().put(bytes);
      expect(await store().get('0'.repeat(64))).toBeUndefined();
      expect(await store().get('../../etc/passwd')).toBeUndefined();
      expect(await store().get(sha256(bytes).toUpperCase())).toBeUndefined();
    });
  });
}
