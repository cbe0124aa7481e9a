import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { stripPngMetadata } from '../../../../commands/attachments/media/stripPngMetadata';
import { gpsCanaryBytes, PNG_SIGNATURE, pngChunk, pngMetadata, pngParts, pngWithMetadata, strippedPng } from './imageFixtures';

const bytesOf = (result: ReturnType<typeof stripPngMetadata>): Buffer => {
  if (!result.ok) throw new Error(`expected a stripped PNG, got: ${result.reason}`);
  return result.bytes;
};

/** Chunk types of a PNG, each CRC checked, walked independently of the stripper. */
function verifiedChunkTypes(png: Buffer): string[] {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  const types: string[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(typeAndData));
    types.push(typeAndData.subarray(0, 4).toString('latin1'));
    at += 12 + length;
  }
  return types;
}

describe('stripPngMetadata', () => {
  test('drops eXIf, tEXt, zTXt, iTXt, tIME, private chunks and bytes after IEND; the rest stays byte for byte with valid CRCs', () => {
    const stripped = bytesOf(stripPngMetadata(pngWithMetadata()));
    expect(stripped).toEqual(strippedPng());
    expect(verifiedChunkTypes(stripped)).toEqual(['IHDR', 'gAMA', 'IDAT', 'IEND']);
    expect(stripped.includes(gpsCanaryBytes())).toBe(false);
    expect(stripped.includes(Buffer.from('Budi Santoso'))).toBe(false);
  });

  test('keeps what rendering needs: palette, transparency, colour profile, animation chunks', () => {
    const p = pngParts;
    const rendering = ['PLTE', 'tRNS', 'iCCP', 'sRGB', 'pHYs', 'acTL', 'fcTL'].map((type) => pngChunk(type, Buffer.from([1, 2, 3])));
    const input = Buffer.concat([PNG_SIGNATURE, p.ihdr, ...rendering, p.idat, pngChunk('fdAT', Buffer.from([0, 0, 0, 1])), p.iend]);
    expect(bytesOf(stripPngMetadata(input))).toEqual(input);
  });

  test.each([
    ['no IHDR first', Buffer.concat([PNG_SIGNATURE, pngParts.idat, pngParts.ihdr, pngParts.iend])],
    ['no IEND', Buffer.concat([PNG_SIGNATURE, pngParts.ihdr, pngParts.idat])],
    ['a chunk longer than the file', Buffer.concat([PNG_SIGNATURE, pngParts.ihdr, Buffer.from([0x7f, 0xff, 0xff, 0xff]), Buffer.from('IDAT'), Buffer.alloc(8)])],
    ['a chunk type that is not letters', Buffer.concat([PNG_SIGNATURE, pngParts.ihdr, pngChunk('ID@T', Buffer.alloc(2)), pngParts.iend])],
    ['only the signature', PNG_SIGNATURE],
  ])('refuses a PNG with %s, naming why', (_name, input) => {
    const result = stripPngMetadata(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(/PNG/);
  });

  const chunkArbitrary = fc.oneof(
    fc.constantFrom(...Object.values(pngMetadata).filter((b) => b !== pngMetadata.trailer), pngParts.gama, pngParts.idat),
    fc.record({ type: fc.stringMatching(/^[a-zA-Z]{4}$/).filter((t) => t !== 'IEND' && t !== 'IHDR'), data: fc.uint8Array({ maxLength: 30 }) }).map(({ type, data }) => pngChunk(type, Buffer.from(data))),
  );

  test('property: stripping never grows the file, a stripped file strips to itself, and only critical or rendering chunks remain', () => {
    fc.assert(
      fc.property(fc.array(chunkArbitrary, { maxLength: 10 }), fc.uint8Array({ maxLength: 20 }), (chunks, trailer) => {
        const input = Buffer.concat([PNG_SIGNATURE, pngParts.ihdr, ...chunks, pngParts.iend, Buffer.from(trailer)]);
        const once = bytesOf(stripPngMetadata(input));
        expect(once.length).toBeLessThanOrEqual(input.length);
        expect(bytesOf(stripPngMetadata(once))).toEqual(once);
        for (const type of verifiedChunkTypes(once)) expect(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']).not.toContain(type);
      }),
    );
  });

  test('property: any bytes after the signature are stripped or refused, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        stripPngMetadata(Buffer.concat([PNG_SIGNATURE, Buffer.from(tail)]));
      }),
    );
  });
});
