import { fourCcAt, malformed, strippedTo, type Stripped } from './stripped';

const SIGNATURE_LENGTH = 8;
/** A chunk's length, type and CRC around its data. */
const CHUNK_OVERHEAD = 12;

/**
 * The ancillary chunks a viewer needs to render the picture as taken (transparency, colour,
 * pixel size, animation). Every other ancillary chunk is dropped: eXIf, tEXt, zTXt, iTXt and tIME
 * among them, and any private or future chunk that could carry who, where or when.
 * Critical chunks (upper-case first letter: IHDR, PLTE, IDAT, IEND) are always kept.
 */
const RENDERING_CHUNKS: ReadonlySet<string> = new Set(['tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'bKGD', 'pHYs', 'cICP', 'mDCV', 'cLLI', 'acTL', 'fcTL', 'fdAT']);

const isCritical = (type: string): boolean => type[0]! >= 'A' && type[0]! <= 'Z';

/** A PNG without its metadata chunks; anything after IEND is dropped. The output is a subsequence of the input. */
export function stripPngMetadata(bytes: Buffer): Stripped {
  const kept: Buffer[] = [bytes.subarray(0, SIGNATURE_LENGTH)];
  let at = SIGNATURE_LENGTH;
  for (let index = 0; ; index += 1) {
    if (at + CHUNK_OVERHEAD > bytes.length) return malformed(`the PNG ends at byte ${bytes.length} without IEND`);
    const length = bytes.readUInt32BE(at);
    const type = fourCcAt(bytes, at + 4);
    const end = at + CHUNK_OVERHEAD + length;
    if (!/^[A-Za-z]{4}$/.test(type)) return malformed(`the PNG chunk at byte ${at} has no valid type`);
    if (end > bytes.length) return malformed(`the PNG chunk ${type} at byte ${at} has a length beyond the file`);
    if (index === 0 && type !== 'IHDR') return malformed('a PNG must start with IHDR');
    if (isCritical(type) || RENDERING_CHUNKS.has(type)) kept.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return strippedTo(Buffer.concat(kept));
  }
}
