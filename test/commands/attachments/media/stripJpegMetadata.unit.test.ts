import fc from 'fast-check';
import { stripJpegMetadata } from '../../../../commands/attachments/media/stripJpegMetadata';
import { gpsCanaryBytes, jpegMetadata, jpegParts, jpegSegment, jpegWithMetadata, strippedJpeg } from './imageFixtures';

const bytesOf = (result: ReturnType<typeof stripJpegMetadata>): Buffer => {
  if (!result.ok) throw new Error(`expected a stripped JPEG, got: ${result.reason}`);
  return result.bytes;
};

/** The markers of a JPEG's segments up to the first scan, walked independently of the stripper. */
function markersBeforeScan(jpeg: Buffer): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at < jpeg.length) {
    const marker = jpeg[at + 1]!;
    markers.push(marker);
    if (marker === 0xda) break;
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return markers;
}

describe('stripJpegMetadata', () => {
  test('drops Exif (with its GPS IFD), XMP, IPTC, MPF, a thumbnail JFXX, comments and bytes after EOI, and keeps every rendering segment in order', () => {
    const stripped = bytesOf(stripJpegMetadata(jpegWithMetadata()));
    expect(stripped).toEqual(strippedJpeg());
    expect(stripped.includes(gpsCanaryBytes())).toBe(false);
    expect(stripped.includes(Buffer.from('Exif'))).toBe(false);
    expect(stripped.includes(Buffer.from('Budi Santoso'))).toBe(false);
    // SOI, JFIF, ICC, Adobe, DQT, SOF0, DHT, SOS: a decoder finds everything it needs.
    expect(markersBeforeScan(stripped)).toEqual([0xe0, 0xe2, 0xee, 0xdb, 0xc0, 0xc4, 0xda]);
    expect(stripped.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
  });

  test('a progressive JPEG keeps all its scans and the tables between them; metadata between scans goes', () => {
    const p = jpegParts;
    const secondScan = Buffer.from([0x01, 0xff, 0x00, 0x02]);
    const input = Buffer.concat([p.soi, p.dqt, p.sof0, p.dht, p.sos, p.scanData, p.dht, jpegMetadata.comment, p.sos, secondScan, p.eoi]);
    expect(bytesOf(stripJpegMetadata(input))).toEqual(Buffer.concat([p.soi, p.dqt, p.sof0, p.dht, p.sos, p.scanData, p.dht, p.sos, secondScan, p.eoi]));
  });

  test('a JFIF header that carries a thumbnail is dropped (a thumbnail can show what a crop removed)', () => {
    const p = jpegParts;
    const jfifWithThumbnail = jpegSegment(0xe0, Buffer.from([...Buffer.from('JFIF\0', 'latin1'), 1, 2, 0, 0, 1, 0, 1, 1, 1, 9, 9, 9]));
    const input = Buffer.concat([p.soi, jfifWithThumbnail, p.dqt, p.sof0, p.sos, p.scanData, p.eoi]);
    expect(bytesOf(stripJpegMetadata(input))).toEqual(Buffer.concat([p.soi, p.dqt, p.sof0, p.sos, p.scanData, p.eoi]));
  });

  test('a file cut off inside its scan is kept as it is (it still renders)', () => {
    const p = jpegParts;
    const input = Buffer.concat([p.soi, jpegMetadata.exif, p.sof0, p.sos, p.scanData]);
    expect(bytesOf(stripJpegMetadata(input))).toEqual(Buffer.concat([p.soi, p.sof0, p.sos, p.scanData]));
  });

  test.each([
    ['no SOI', Buffer.from([0x00, 0x00, 0x00, 0x00])],
    ['a segment longer than the file', Buffer.concat([jpegParts.soi, Buffer.from([0xff, 0xe1, 0x7f, 0xff, 0x00])])],
    ['a segment length below 2', Buffer.concat([jpegParts.soi, Buffer.from([0xff, 0xdb, 0x00, 0x01]), jpegParts.sos, jpegParts.eoi])],
    ['garbage where a marker must be', Buffer.concat([jpegParts.soi, jpegParts.dqt, Buffer.from([0x12, 0x34]), jpegParts.eoi])],
    ['EOI before any scan', Buffer.concat([jpegParts.soi, jpegParts.dqt, jpegParts.eoi])],
    ['no scan at all', Buffer.concat([jpegParts.soi, jpegParts.dqt, jpegParts.sof0])],
  ])('refuses a JPEG with %s, naming why', (_name, input) => {
    const result = stripJpegMetadata(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/JPEG/);
  });

  const segmentArbitrary = fc.oneof(
    fc.constantFrom(...Object.values(jpegMetadata).filter((b) => b !== jpegMetadata.trailer)),
    fc.constantFrom(jpegParts.jfif, jpegParts.icc, jpegParts.adobe, jpegParts.dqt, jpegParts.dht),
    fc.record({ marker: fc.integer({ min: 0xc0, max: 0xfe }).filter((m) => m !== 0xd8 && m !== 0xd9 && m !== 0xda && (m < 0xd0 || m > 0xd7)), payload: fc.uint8Array({ maxLength: 40 }) }).map(({ marker, payload }) => jpegSegment(marker, Buffer.from(payload))),
  );
  const jpegArbitrary = fc
    .record({ before: fc.array(segmentArbitrary, { maxLength: 8 }), scan: fc.uint8Array({ maxLength: 60 }), trailer: fc.uint8Array({ maxLength: 20 }), cut: fc.boolean() })
    .map(({ before, scan, trailer, cut }) => {
      const whole = Buffer.concat([jpegParts.soi, ...before, jpegParts.sof0, jpegParts.sos, Buffer.from(scan), jpegParts.eoi, Buffer.from(trailer)]);
      return cut ? whole.subarray(0, Math.max(4, whole.length - trailer.length - 3)) : whole;
    });

  test('property: stripping never grows the file and a stripped file strips to itself', () => {
    fc.assert(
      fc.property(jpegArbitrary, (input) => {
        const once = stripJpegMetadata(input);
        if (!once.ok) return;
        expect(once.bytes.length).toBeLessThanOrEqual(input.length);
        expect(bytesOf(stripJpegMetadata(once.bytes))).toEqual(once.bytes);
      }),
    );
  });

  test('property: any bytes after SOI are stripped or refused, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        const result = stripJpegMetadata(Buffer.concat([jpegParts.soi, Buffer.from([0xff]), Buffer.from(tail)]));
        if (result.ok) expect(result.bytes.length).toBeLessThanOrEqual(tail.length + 3);
      }),
    );
  });
});
