import { sniffMediaType } from '../../../../commands/attachments/media/mediaType';
import { jpegWithMetadata, pngWithMetadata, webpWithMetadata } from './imageFixtures';

describe('sniffMediaType: the type comes from the bytes alone', () => {
  test.each([
    ['JPEG', jpegWithMetadata(), 'image/jpeg'],
    ['PNG', pngWithMetadata(), 'image/png'],
    ['WebP', webpWithMetadata(), 'image/webp'],
    ['PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'), 'application/pdf'],
  ])('%s is recognised by its signature', (_name, bytes, expected) => {
    expect(sniffMediaType(bytes)).toBe(expected);
  });

  test.each([
    ['empty', Buffer.alloc(0)],
    ['HTML', Buffer.from('<!DOCTYPE html><script>alert(1)</script>')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['ZIP', Buffer.from('PK\x03\x04rest', 'latin1')],
    ['GIF', Buffer.from('GIF89a', 'latin1')],
    ['a RIFF that is WAVE audio', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ['a JPEG signature two bytes long', Buffer.from([0xff, 0xd8])],
    ['text that starts like a PDF further in', Buffer.from(' %PDF-1.7')],
  ])('%s is not accepted', (_name, bytes) => {
    expect(sniffMediaType(bytes)).toBeUndefined();
  });
});
