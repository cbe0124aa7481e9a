import { malformed, startsWithText, strippedTo, type Stripped } from './stripped';

const SOS = 0xda;
const EOI = 0xd9;
const APP0 = 0xe0;
const APP2 = 0xe2;
const APP14 = 0xee;
const isAppSegment = (marker: number): boolean => marker >= 0xe0 && marker <= 0xef;
const COM = 0xfe;
/** Markers with no length field: TEM and the restart markers. */
const isStandalone = (marker: number): boolean => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * The application segments a decoder needs to render the picture as taken: JFIF without a
 * thumbnail (a thumbnail can show what a crop removed), the ICC colour profile, Adobe's colour
 * transform (CMYK). Every other APPn (Exif with GPS in APP1, XMP, MPF's extra pictures in APP2,
 * IPTC in APP13, ...) and every comment is dropped.
 */
function keepsAppSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === APP0) return startsWithText(payload, 'JFIF\0') && payload[12] === 0 && payload[13] === 0;
  if (marker === APP2) return startsWithText(payload, 'ICC_PROFILE\0');
  if (marker === APP14) return startsWithText(payload, 'Adobe');
  return false;
}

/** Where the entropy-coded data after a scan header ends: at the next marker that is not a stuffed 0xFF00 or a restart. */
function endOfEntropyData(bytes: Uint8Array, from: number): number {
  let at = from;
  while (at < bytes.length - 1) {
    if (bytes[at] !== 0xff) {
      at += 1;
      continue;
    }
    const next = bytes[at + 1]!;
    if (next === 0x00 || next === 0xff || isStandalone(next)) at += next === 0xff ? 1 : 2;
    else return at;
  }
  return bytes.length;
}

/**
 * A JPEG without its metadata: segments are walked from SOI to EOI (scans skipped by their
 * markers, so progressive files with several scans work) and copied unless they are metadata;
 * anything after EOI is dropped. The output is a subsequence of the input.
 */
export function stripJpegMetadata(bytes: Buffer): Stripped {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return malformed('a JPEG must start with SOI');
  const kept: Buffer[] = [bytes.subarray(0, 2)];
  let at = 2;
  let scans = 0;
  for (;;) {
    while (at < bytes.length - 1 && bytes[at] === 0xff && bytes[at + 1] === 0xff) at += 1; // fill bytes before a marker
    if (at >= bytes.length) {
      // A file cut off after its scans still renders; one without any scan is not a picture.
      if (scans > 0) break;
      return malformed('the JPEG ends before its first scan');
    }
    if (at + 1 >= bytes.length || bytes[at] !== 0xff) return malformed(`expected a JPEG marker at byte ${at}`);
    const marker = bytes[at + 1]!;
    if (marker === EOI) {
      if (scans === 0) return malformed('the JPEG has no scan before EOI');
      kept.push(bytes.subarray(at, at + 2));
      break;
    }
    if (isStandalone(marker)) {
      kept.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (at + 4 > bytes.length) return malformed(`the JPEG segment at byte ${at} is cut off`);
    const length = bytes.readUInt16BE(at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) return malformed(`the JPEG segment at byte ${at} has a length beyond the file`);
    const dropped = marker === COM || (isAppSegment(marker) && !keepsAppSegment(marker, bytes.subarray(at + 4, end)));
    if (!dropped) kept.push(bytes.subarray(at, end));
    at = end;
    if (marker === SOS) {
      scans += 1;
      const dataEnd = endOfEntropyData(bytes, at);
      kept.push(bytes.subarray(at, dataEnd));
      at = dataEnd;
    }
  }
  return strippedTo(Buffer.concat(kept));
}
