import type { AttachmentMediaType } from './mediaType';
import { stripJpegMetadata } from './stripJpegMetadata';
import { stripPngMetadata } from './stripPngMetadata';
import { strippedTo, type Stripped } from './stripped';
import { stripWebpMetadata } from './stripWebpMetadata';

/**
 * The file as it may be stored: photos lose whatever could unmask the reporter (GPS, camera
 * serials, names, dates, comments). A PDF is stored as uploaded: its document information and
 * XMP are not removed (README: Attachments).
 */
export function stripMetadata(mediaType: AttachmentMediaType, bytes: Buffer): Stripped {
  switch (mediaType) {
    case 'image/jpeg':
      return stripJpegMetadata(bytes);
    case 'image/png':
      return stripPngMetadata(bytes);
    case 'image/webp':
      return stripWebpMetadata(bytes);
    case 'application/pdf':
      return strippedTo(bytes);
  }
}
