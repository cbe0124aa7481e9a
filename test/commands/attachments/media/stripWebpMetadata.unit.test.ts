import fc from 'fast-check';
import { stripWebpMetadata } from '../../../../commands/attachments/media/stripWebpMetadata';
import { gpsCanaryBytes, riff, strippedWebp, vp8x, webpChunk, webpMetadata, webpParts, webpWithMetadata } from './imageFixtures';

const bytesOf = (result: ReturnType<typeof stripWebpMetadata>): Buffer => {
  if (!result.ok) throw new Error(`expected a stripped WebP, got: ${result.reason}`);
  return result.bytes;
};

/** The RIFF container walked independently of the stripper: its size must match, its chunks listed. */
function verifiedChunks(webp: Buffer): { type: string; data: Buffer }[] {
  expect(webp.subarray(0, 4).toString('latin1')).toBe('RIFF');
  expect(webp.readUInt32LE(4)).toBe(webp.length - 8);
  expect(webp.subarray(8, 12).toString('latin1')).toBe('WEBP');
  const chunks: { type: string; data: Buffer }[] = [];
  for (let at = 12; at < webp.length; ) {
    const size = webp.readUInt32LE(at + 4);
    chunks.push({ type: webp.subarray(at, at + 4).toString('latin1'), data: webp.subarray(at + 8, at + 8 + size) });
    at += 8 + size + (size % 2);
  }
  return chunks;
}

describe('stripWebpMetadata', () => {
  test('drops the EXIF and XMP chunks and what follows the container, rewrites the RIFF size and clears the VP8X EXIF and XMP flags', () => {
    const stripped = bytesOf(stripWebpMetadata(webpWithMetadata()));
    expect(stripped).toEqual(strippedWebp());
    const chunks = verifiedChunks(stripped);
    expect(chunks.map((c) => c.type)).toEqual(['VP8X', 'ICCP', 'VP8L']);
    expect(chunks[0]!.data[0]).toBe(0x20); // ICC stays announced
    expect(stripped.includes(gpsCanaryBytes())).toBe(false);
    expect(stripped.includes(Buffer.from('Budi Santoso'))).toBe(false);
  });

  test('a simple lossy WebP without metadata is unchanged', () => {
    const input = riff([webpChunk('VP8 ', Buffer.from([1, 2, 3, 4, 5]))]);
    expect(bytesOf(stripWebpMetadata(input))).toEqual(input);
  });

  test.each([
    ['a RIFF size beyond the file', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0xff, 0xff, 0, 0]), Buffer.from('WEBP')])],
    ['a chunk larger than the container', riff([Buffer.concat([Buffer.from('VP8L'), Buffer.from([0xff, 0, 0, 0])])])],
    ['no image data', riff([vp8x(0x08), webpMetadata.exif])],
    ['only a header', Buffer.from('RIFF')],
  ])('refuses a WebP with %s, naming why', (_name, input) => {
    const result = stripWebpMetadata(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/WebP/);
  });

  const chunkArbitrary = fc.oneof(
    fc.constantFrom(webpMetadata.exif, webpMetadata.xmp, webpParts.icc, webpParts.image),
    fc.integer({ min: 0, max: 0x3f }).map(vp8x),
    fc.record({ type: fc.stringMatching(/^[A-Z ]{4}$/), data: fc.uint8Array({ maxLength: 21 }) }).map(({ type, data }) => webpChunk(type, Buffer.from(data))),
  );

  test('property: stripping never grows the file, a stripped file strips to itself, no EXIF or XMP remains and the RIFF size is right', () => {
    fc.assert(
      fc.property(fc.array(chunkArbitrary, { maxLength: 8 }), fc.uint8Array({ maxLength: 20 }), (chunks, trailer) => {
        const input = Buffer.concat([riff([webpParts.image, ...chunks]), Buffer.from(trailer)]);
        const once = bytesOf(stripWebpMetadata(input));
        expect(once.length).toBeLessThanOrEqual(input.length);
        expect(bytesOf(stripWebpMetadata(once))).toEqual(once);
        for (const chunk of verifiedChunks(once)) {
          expect(['EXIF', 'XMP ']).not.toContain(chunk.type);
          if (chunk.type === 'VP8X') expect(chunk.data[0]! & 0x0c).toBe(0);
        }
      }),
    );
  });

  test('property: any bytes inside a RIFF/WEBP header are stripped or refused, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 0xffffffff }), (body, size) => {
        const header = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP')]);
        header.writeUInt32LE(size, 4);
        stripWebpMetadata(Buffer.concat([header, Buffer.from(body)]));
      }),
    );
  });
});
