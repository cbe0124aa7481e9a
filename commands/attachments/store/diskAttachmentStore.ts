import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SIGNATURE_BYTES, sniffMediaType } from '../media/mediaType';
import { ATTACHMENT_ID_PATTERN, attachmentIdOf, type AttachmentStore } from './attachmentStore';

const exists = async (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );

/** The rename itself reaches the disk only with its directory (POSIX): after this, an acknowledged upload survives a crash. */
async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Attachments as files under `directory`, at `ab/<id>` (the first two hex digits fan the files
 * out). A file is written to a temporary name in the same directory, flushed to disk, then
 * renamed into place: a crash leaves either no file or the whole file, never half of one
 * (a stray temporary file at worst, never served). Two uploads of the same bytes at once both
 * rename a complete file onto the same name, which is harmless.
 */
export function diskAttachmentStore(directory: string): AttachmentStore {
  const pathOf = (id: string): string => join(directory, id.slice(0, 2), id);
  return {
    async put(bytes) {
      const id = attachmentIdOf(bytes);
      const path = pathOf(id);
      if (await exists(path)) return { id, newlyStored: false };
      await mkdir(join(directory, id.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${randomUUID()}.tmp`;
      try {
        const file = await open(temporary, 'wx');
        try {
          await file.writeFile(bytes);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temporary, path);
        await syncDirectory(join(directory, id.slice(0, 2)));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return { id, newlyStored: true };
    },
    async describe(id) {
      if (!ATTACHMENT_ID_PATTERN.test(id)) return undefined;
      const file = await open(pathOf(id), 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      if (file === undefined) return undefined;
      try {
        const { size } = await file.stat();
        const { buffer, bytesRead } = await file.read(Buffer.alloc(SIGNATURE_BYTES), 0, SIGNATURE_BYTES, 0);
        const mediaType = sniffMediaType(buffer.subarray(0, bytesRead));
        return mediaType === undefined ? undefined : { mediaType, sizeBytes: size };
      } finally {
        await file.close();
      }
    },
    async delete(id) {
      if (!ATTACHMENT_ID_PATTERN.test(id)) return;
      await rm(pathOf(id), { force: true });
    },
    async get(id) {
      if (!ATTACHMENT_ID_PATTERN.test(id)) return undefined;
      return readFile(pathOf(id)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
    },
  };
}
