import busboy from 'busboy';
import type { Request } from 'express';
import { HttpProblem } from '../../../app/http/httpProblem';
import { problem, validationProblem, type FieldError } from '../../../app/http/problem';

/** The one form field an upload carries. */
export const FILE_FIELD = 'file';

/** Room for the multipart boundaries and part headers around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** `Connection: close`: the rest of an oversized body is not worth reading. */
const tooLarge = (maxBytes: number): HttpProblem =>
  new HttpProblem(problem(413, 'file_too_large', 'The file is too large', { detail: `an attachment is at most ${maxBytes} bytes` }), { connection: 'close' });

const malformed = (detail: string): HttpProblem => new HttpProblem(problem(400, 'malformed_multipart', 'The multipart body cannot be read', { detail }));

/**
 * Reads the one file of a multipart/form-data request into memory (at most `maxBytes`; busboy
 * writes nothing to disk). Parts are limited in number and size, so a request of many fields
 * or endless part headers costs nothing. Any other field, or a second file, is a 400 naming it;
 * a larger file a 413 (and the connection closed); a whole body longer than a file of the limit
 * plus its multipart framing is cut off there.
 */
export function readSingleFile(req: Request, maxBytes: number): Promise<Buffer> {
  if (!req.is('multipart/form-data')) {
    return Promise.reject(new HttpProblem(problem(415, 'unsupported_media_type', 'The request body must be multipart/form-data', { detail: `send the file in a form field named "${FILE_FIELD}"` })));
  }
  // A declared length far beyond the limit is refused before a byte is read.
  if (Number(req.get('content-length') ?? 0) > maxBytes + MULTIPART_OVERHEAD_BYTES) return Promise.reject(tooLarge(maxBytes));
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { files: 2, fields: 10, parts: 12, fileSize: maxBytes, fieldSize: 1024, fieldNameSize: 100, headerPairs: 20 } });
  } catch (error) {
    return Promise.reject(malformed(error instanceof Error ? error.message : 'no multipart boundary'));
  }
  return new Promise((resolve, reject) => {
    const errors: FieldError[] = [];
    const chunks: Buffer[] = [];
    let files = 0;
    let truncated = false;
    let limitHit = false;
    parser.on('file', (name, stream) => {
      files += 1;
      if (name !== FILE_FIELD) errors.push({ path: `body.${name}`, message: `unknown field (the file goes in "${FILE_FIELD}")` });
      else if (files > 1) errors.push({ path: `body.${FILE_FIELD}`, message: 'one file per request' });
      const keep = name === FILE_FIELD && files === 1;
      stream.on('data', (chunk: Buffer) => void (keep && chunks.push(chunk)));
      stream.on('limit', () => void (truncated = true));
      // A form cut off inside a file fails the file's stream too; the parser's own error answers it.
      stream.on('error', () => undefined);
    });
    parser.on('field', (name) => errors.push({ path: `body.${name}`, message: `unknown field (only "${FILE_FIELD}" is accepted)` }));
    for (const event of ['partsLimit', 'filesLimit', 'fieldsLimit'] as const) parser.on(event, () => void (limitHit = true));
    parser.on('error', (error: unknown) => {
      // Whatever the client still sends is read and dropped, so the answer reaches it.
      req.unpipe(parser);
      req.resume();
      reject(malformed(error instanceof Error ? error.message : 'the multipart body is malformed'));
    });
    parser.on('close', () => {
      if (truncated) return reject(tooLarge(maxBytes));
      if (limitHit) errors.push({ path: 'body', message: `one file in "${FILE_FIELD}" and nothing else` });
      const bytes = Buffer.concat(chunks);
      if (errors.length === 0 && files === 0) errors.push({ path: `body.${FILE_FIELD}`, message: 'required' });
      if (errors.length === 0 && bytes.length === 0) errors.push({ path: `body.${FILE_FIELD}`, message: 'the file is empty' });
      if (errors.length > 0) return reject(new HttpProblem(validationProblem(errors)));
      resolve(bytes);
    });
    // A body without Content-Length (chunked) is counted as it arrives: past the limit, parsing stops.
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= maxBytes + MULTIPART_OVERHEAD_BYTES) return;
      req.unpipe(parser);
      reject(tooLarge(maxBytes));
    });
    req.on('error', (error) => reject(malformed(error.message)));
    req.pipe(parser);
  });
}
