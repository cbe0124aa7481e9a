import busboy from 'busboy';
import type { Request } from 'express';

export interface UploadedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

export interface MultipartForm {
  readonly fields: Readonly<Record<string, string>>;
  readonly files: readonly UploadedFile[];
  /** A file went over `maxFileBytes` (it was not kept). */
  readonly tooLarge: boolean;
}

/**
 * A form posted with files (no JavaScript: the browser sends multipart/form-data). The files
 * are held in memory only until the portal has handed them to the API's upload route, so the
 * limits bound what one request can cost: `maxFiles` of `maxFileBytes` each.
 */
export function readMultipartForm(req: Request, limits: { readonly maxFiles: number; readonly maxFileBytes: number }): Promise<MultipartForm> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const files: UploadedFile[] = [];
    let tooLarge = false;
    const parser = busboy({ headers: req.headers, limits: { files: limits.maxFiles, fileSize: limits.maxFileBytes, fields: 50, fieldSize: 64 * 1024, parts: 60 } });
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (_field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (tooLarge = true));
      stream.on('end', () => {
        // An empty file input still sends a part with no name and no bytes.
        const bytes = Buffer.concat(chunks);
        if (!tooLarge && bytes.length > 0) files.push({ name: info.filename || 'lampiran', bytes });
      });
    });
    parser.on('error', reject);
    parser.on('close', () => resolve({ fields, files, tooLarge }));
    req.pipe(parser);
  });
}
