import { ATTACHMENT_MEDIA_TYPES, sniffMediaType } from '../media/mediaType';
import { ATTACHMENT_ID_PATTERN, attachmentIdOf, type AttachmentStore } from './attachmentStore';
import { sha256Hex, signS3Request, type S3Credentials, type S3Request } from './sigV4';

export interface S3Settings extends S3Credentials {
  /** The service's base URL (`https://s3.ap-southeast-3.amazonaws.com`, a MinIO's `http://127.0.0.1:9000`); objects are addressed path-style. */
  readonly endpoint: string;
  readonly bucket: string;
}

const EMPTY_SHA256 = sha256Hex('');

class S3Error extends Error {
  override readonly name = 'S3Error';
}

/**
 * Attachments as objects `ab/<id>` in an S3-compatible bucket. An S3 PUT is all or nothing, so
 * no half object can be read; a HEAD first spares uploading bytes already stored.
 */
export function s3AttachmentStore(settings: S3Settings, clock: () => Date = () => new Date()): AttachmentStore {
  const base = new URL(`${settings.bucket}/`, settings.endpoint.endsWith('/') ? settings.endpoint : `${settings.endpoint}/`);
  const urlOf = (id: string): URL => new URL(`${id.slice(0, 2)}/${id}`, base);
  const call = (method: S3Request['method'], url: URL, body?: Buffer): Promise<Response> => {
    // The sniffed type travels as the object's Content-Type, so describe() needs only a HEAD.
    const extra: Record<string, string> = body === undefined ? {} : { 'content-type': sniffMediaType(body) ?? 'application/octet-stream' };
    const headers = signS3Request({ method, url, headers: extra, payloadHash: body === undefined ? EMPTY_SHA256 : sha256Hex(body), at: clock() }, settings);
    return fetch(url, { method, headers, ...(body === undefined ? {} : { body }) });
  };
  const failed = async (what: string, response: Response): Promise<never> => {
    const detail = (await response.text()).slice(0, 300);
    throw new S3Error(`S3 ${what} answered ${response.status}: ${detail}`);
  };
  return {
    async put(bytes) {
      const id = attachmentIdOf(bytes);
      const url = urlOf(id);
      const head = await call('HEAD', url);
      if (head.ok) return { id, newlyStored: false };
      if (head.status !== 404) return failed(`HEAD ${url.pathname}`, head);
      const put = await call('PUT', url, bytes);
      if (!put.ok) return failed(`PUT ${url.pathname}`, put);
      await put.arrayBuffer();
      return { id, newlyStored: true };
    },
    async describe(id) {
      if (!ATTACHMENT_ID_PATTERN.test(id)) return undefined;
      const head = await call('HEAD', urlOf(id));
      if (head.status === 404) return undefined;
      if (!head.ok) return failed(`HEAD ${urlOf(id).pathname}`, head);
      const mediaType = ATTACHMENT_MEDIA_TYPES.find((type) => type === head.headers.get('content-type'));
      const sizeBytes = Number(head.headers.get('content-length'));
      return mediaType === undefined || !Number.isInteger(sizeBytes) ? undefined : { mediaType, sizeBytes };
    },
    async delete(id) {
      if (!ATTACHMENT_ID_PATTERN.test(id)) return;
      const response = await call('DELETE', urlOf(id));
      // S3 answers 204 whether or not the object was there; some compatible stores say 404.
      if (!response.ok && response.status !== 404) return failed(`DELETE ${urlOf(id).pathname}`, response);
      await response.arrayBuffer();
    },
    async get(id) {
      if (!ATTACHMENT_ID_PATTERN.test(id)) return undefined;
      const response = await call('GET', urlOf(id));
      if (response.status === 404) return undefined;
      if (!response.ok) return failed(`GET ${urlOf(id).pathname}`, response);
      return Buffer.from(await response.arrayBuffer());
    },
  };
}
