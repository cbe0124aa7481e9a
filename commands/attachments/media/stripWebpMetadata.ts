import { fourCcAt, malformed, strippedTo, type Stripped } from './stripped';

const RIFF_HEADER_LENGTH = 12;
const CHUNK_HEADER_LENGTH = 8;

/** The chunks that make up the picture (VP8X's extended header, image data, alpha, animation, colour profile); EXIF, XMP and anything unknown are dropped. */
const PICTURE_CHUNKS: ReadonlySet<string> = new Set(['VP8X', 'VP8 ', 'VP8L', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const IMAGE_DATA_CHUNKS: ReadonlySet<string> = new Set(['VP8 ', 'VP8L', 'ANMF']);

/** VP8X flag bits that announce EXIF and XMP chunks (WebP container spec, "Extended File Format"). */
const VP8X_EXIF_FLAG = 0x08;
const VP8X_XMP_FLAG = 0x04;

/**
 * A WebP without its EXIF and XMP chunks: the RIFF size is rewritten to what remains and
 * VP8X no longer announces them; anything after the RIFF container is dropped. The output
 * is never longer than the input.
 */
export function stripWebpMetadata(bytes: Buffer): Stripped {
  if (bytes.length < RIFF_HEADER_LENGTH) return malformed('the WebP is shorter than its RIFF header');
  const riffEnd = CHUNK_HEADER_LENGTH + bytes.readUInt32LE(4);
  if (riffEnd > bytes.length) return malformed('the WebP RIFF size is beyond the file');
  const kept: Buffer[] = [];
  let hasImageData = false;
  for (let at = RIFF_HEADER_LENGTH; at < riffEnd; ) {
    if (at + CHUNK_HEADER_LENGTH > riffEnd) return malformed(`the WebP chunk at byte ${at} is cut off`);
    const type = fourCcAt(bytes, at);
    const size = bytes.readUInt32LE(at + 4);
    const end = at + CHUNK_HEADER_LENGTH + size + (size % 2); // chunks are padded to an even size
    if (end > riffEnd) return malformed(`the WebP chunk ${JSON.stringify(type)} at byte ${at} has a size beyond the RIFF container`);
    if (PICTURE_CHUNKS.has(type)) kept.push(Buffer.from(bytes.subarray(at, end)));
    hasImageData ||= IMAGE_DATA_CHUNKS.has(type);
    at = end;
  }
  if (!hasImageData) return malformed('the WebP has no image data');
  for (const chunk of kept) {
    if (fourCcAt(chunk, 0) === 'VP8X' && chunk.length > CHUNK_HEADER_LENGTH) chunk[CHUNK_HEADER_LENGTH] = chunk[CHUNK_HEADER_LENGTH]! & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
  }
  const header = Buffer.from(bytes.subarray(0, RIFF_HEADER_LENGTH));
  const body = Buffer.concat(kept);
  header.writeUInt32LE(RIFF_HEADER_LENGTH - CHUNK_HEADER_LENGTH + body.length, 4);
  return strippedTo(Buffer.concat([header, body]));
}
