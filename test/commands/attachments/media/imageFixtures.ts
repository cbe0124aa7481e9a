import { crc32 } from 'node:zlib';

/*
 * Small images built byte by byte, so each test knows exactly which segments and chunks a file
 * has and what a stripped file must be. They are structurally valid containers (lengths, CRCs,
 * RIFF sizes); their pixel data is not meant to decode.
 */

const u16be = (n: number): Buffer => Buffer.from([n >> 8, n & 0xff]);
const u32be = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u32le = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

/** Latitude 6°12'34" S, longitude 106°49'56" E: the canary a stripped photo must not carry. */
export const GPS_CANARY = { latitude: [6, 12, 34], longitude: [106, 49, 56] } as const;

// ---- JPEG ----------------------------------------------------------------------------------

export const jpegSegment = (marker: number, payload: Buffer): Buffer => Buffer.concat([Buffer.from([0xff, marker]), u16be(payload.length + 2), payload]);

/** An Exif APP1 payload (big-endian TIFF) whose IFD0 points at a GPS IFD with latitude and longitude. */
export function exifWithGps(): Buffer {
  const rationals = (values: readonly number[]): Buffer => Buffer.concat(values.flatMap((v) => [u32be(v), u32be(1)]));
  const entry = (tag: number, type: number, count: number, value: Buffer): Buffer => Buffer.concat([u16be(tag), u16be(type), u32be(count), value]);
  // TIFF offsets count from the "MM" byte: header 8, IFD0 (2 + 12 + 4 = 18) at 8, GPS IFD (2 + 4 * 12 + 4 = 54) at 26, rationals at 80.
  const gpsIfdOffset = 26;
  const latitudeOffset = 80;
  const longitudeOffset = latitudeOffset + 24;
  const tiffHeader = Buffer.concat([Buffer.from('MM'), u16be(42), u32be(8)]);
  const ifd0 = Buffer.concat([u16be(1), entry(0x8825, 4, 1, u32be(gpsIfdOffset)), u32be(0)]);
  const gpsIfd = Buffer.concat([
    u16be(4),
    entry(0x0001, 2, 2, Buffer.from('S\0\0\0', 'latin1')),
    entry(0x0002, 5, 3, u32be(latitudeOffset)),
    entry(0x0003, 2, 2, Buffer.from('E\0\0\0', 'latin1')),
    entry(0x0004, 5, 3, u32be(longitudeOffset)),
    u32be(0),
  ]);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiffHeader, ifd0, gpsIfd, rationals(GPS_CANARY.latitude), rationals(GPS_CANARY.longitude)]);
}

/** The segments a stripped JPEG keeps, in order, each with its marker bytes. */
export const jpegParts = {
  soi: Buffer.from([0xff, 0xd8]),
  jfif: jpegSegment(0xe0, Buffer.from([...Buffer.from('JFIF\0', 'latin1'), 1, 2, 0, 0, 1, 0, 1, 0, 0])),
  icc: jpegSegment(0xe2, Buffer.concat([Buffer.from('ICC_PROFILE\0', 'latin1'), Buffer.from([1, 1, 0xaa, 0xbb])])),
  adobe: jpegSegment(0xee, Buffer.concat([Buffer.from('Adobe', 'latin1'), Buffer.from([0, 100, 0, 0, 0, 0, 1])])),
  dqt: jpegSegment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
  sof0: jpegSegment(0xc0, Buffer.from([8, 0, 16, 0, 16, 1, 1, 0x11, 0])),
  dht: jpegSegment(0xc4, Buffer.concat([Buffer.from([0x00]), Buffer.from([0, 1, ...Array<number>(14).fill(0)]), Buffer.from([0])])),
  sos: jpegSegment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
  /** Entropy-coded data with a stuffed 0xFF00 and a restart marker, which must not end the scan. */
  scanData: Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78, 0x9a]),
  eoi: Buffer.from([0xff, 0xd9]),
};

/** What a phone writes: Exif with GPS, XMP, IPTC, a comment, a second picture (MPF), a thumbnail-bearing JFXX, bytes after EOI. */
export const jpegMetadata = {
  exif: jpegSegment(0xe1, exifWithGps()),
  xmp: jpegSegment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>Budi Santoso</dc:creator></x:xmpmeta>', 'latin1')),
  mpf: jpegSegment(0xe2, Buffer.from('MPF\0second-picture', 'latin1')),
  iptc: jpegSegment(0xed, Buffer.from('Photoshop 3.0\0 8BIM By-line Budi Santoso', 'latin1')),
  comment: jpegSegment(0xfe, Buffer.from('Difoto oleh Budi Santoso, Jl. Merdeka 12', 'latin1')),
  jfxxThumbnail: jpegSegment(0xe0, Buffer.from('JFXX\0\x10thumbnail-bytes', 'latin1')),
  trailer: Buffer.from('SEFT trailer: Budi Santoso', 'latin1'),
};

/** A baseline JPEG carrying every kind of metadata, between and after its rendering segments. */
export function jpegWithMetadata(): Buffer {
  const p = jpegParts;
  const m = jpegMetadata;
  return Buffer.concat([p.soi, p.jfif, m.exif, m.xmp, m.jfxxThumbnail, p.icc, m.mpf, m.iptc, p.adobe, p.dqt, m.comment, p.sof0, p.dht, p.sos, p.scanData, p.eoi, m.trailer]);
}

export const strippedJpeg = (): Buffer => {
  const p = jpegParts;
  return Buffer.concat([p.soi, p.jfif, p.icc, p.adobe, p.dqt, p.sof0, p.dht, p.sos, p.scanData, p.eoi]);
};

// ---- PNG -----------------------------------------------------------------------------------

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), typeAndData, u32be(crc32(typeAndData))]);
}

export const pngParts = {
  ihdr: pngChunk('IHDR', Buffer.concat([u32be(1), u32be(1), Buffer.from([8, 2, 0, 0, 0])])),
  gama: pngChunk('gAMA', u32be(45455)),
  idat: pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00])),
  iend: pngChunk('IEND', Buffer.alloc(0)),
};

export const pngMetadata = {
  exif: pngChunk('eXIf', exifWithGps().subarray(6)),
  text: pngChunk('tEXt', Buffer.from('Author\0Budi Santoso', 'latin1')),
  ztxt: pngChunk('zTXt', Buffer.from('Comment\0\0xx', 'latin1')),
  itxt: pngChunk('iTXt', Buffer.from('Location\0\0\0\0\0Jl. Merdeka 12', 'latin1')),
  time: pngChunk('tIME', Buffer.from([0x07, 0xea, 11, 28, 9, 30, 0])),
  privateChunk: pngChunk('prVt', Buffer.from('device serial 12345', 'latin1')),
  trailer: Buffer.from('appended: Budi Santoso', 'latin1'),
};

export function pngWithMetadata(): Buffer {
  const p = pngParts;
  const m = pngMetadata;
  return Buffer.concat([PNG_SIGNATURE, p.ihdr, m.exif, m.text, p.gama, m.time, p.idat, m.ztxt, m.itxt, m.privateChunk, p.iend, m.trailer]);
}

export const strippedPng = (): Buffer => Buffer.concat([PNG_SIGNATURE, pngParts.ihdr, pngParts.gama, pngParts.idat, pngParts.iend]);

// ---- WebP ----------------------------------------------------------------------------------

export function webpChunk(type: string, data: Buffer): Buffer {
  const padding = data.length % 2 === 1 ? Buffer.alloc(1) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from(type, 'latin1'), u32le(data.length), data, padding]);
}

export function riff(chunks: readonly Buffer[]): Buffer {
  const body = Buffer.concat(chunks);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32le(4 + body.length), Buffer.from('WEBP', 'latin1'), body]);
}

/** VP8X flags: ICC 0x20, alpha 0x10, EXIF 0x08, XMP 0x04, animation 0x02; canvas 1x1. */
export const vp8x = (flags: number): Buffer => webpChunk('VP8X', Buffer.from([flags, 0, 0, 0, 0, 0, 0, 0, 0, 0]));

export const webpParts = {
  icc: webpChunk('ICCP', Buffer.from('icc-profile', 'latin1')),
  image: webpChunk('VP8L', Buffer.from([0x2f, 0x00, 0x00, 0x00, 0x00, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0x00])),
};

export const webpMetadata = {
  exif: webpChunk('EXIF', exifWithGps().subarray(6)),
  xmp: webpChunk('XMP ', Buffer.from('<x:xmpmeta><dc:creator>Budi Santoso</dc:creator></x:xmpmeta>', 'latin1')),
  trailer: Buffer.from('after the container: Budi Santoso', 'latin1'),
};

export const webpWithMetadata = (): Buffer =>
  Buffer.concat([riff([vp8x(0x20 | 0x08 | 0x04), webpParts.icc, webpParts.image, webpMetadata.exif, webpMetadata.xmp]), webpMetadata.trailer]);

export const strippedWebp = (): Buffer => riff([vp8x(0x20), webpParts.icc, webpParts.image]);

/** The bytes of a GPS coordinate as the Exif fixtures write it: their absence shows the location is gone. */
export const gpsCanaryBytes = (): Buffer => exifWithGps().subarray(6 + 80);
