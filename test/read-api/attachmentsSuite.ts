import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import fc from 'fast-check';
import request from 'supertest';
import { apiClient, validReport, AGENCY, OTHER_AGENCY } from '../commands/http/apiHarness';
import { gpsCanaryBytes, jpegWithMetadata, PNG_SIGNATURE, pngChunk, pngParts, pngWithMetadata, strippedJpeg, strippedPng } from '../commands/attachments/media/imageFixtures';
import { asBytes } from './openApiConformance';
import { TEST_ATTACHMENT_MAX_BYTES, type ReadApiHarness } from './readApiHarness';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Uploads and reads of attachments over HTTP, on the whole API of `harness`. */
export function attachmentsSuite(label: string, harness: () => ReadApiHarness): void {
  /** A multipart upload of `bytes` in the field `file` (name and declared type as a client sends them, which the server ignores). */
  function upload(bytes: Buffer, filename = 'foto.jpg', contentType = 'image/jpeg') {
    return request(harness().app).post('/api/attachments').attach('file', bytes, { filename, contentType });
  }

  async function uploaded(bytes: Buffer): Promise<{ id: string; mediaType: string; sizeBytes: number }> {
    const response = await upload(bytes);
    harness().conformance.assertConforms(response);
    if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${response.text}`);
    return response.body as { id: string; mediaType: string; sizeBytes: number };
  }

  /** GETs an attachment as `authorization` (none: the public), bytes buffered whatever the type; `accessCode` in X-Access-Code. */
  function download(id: string, authorization?: string, accessCode?: string) {
    const call = request(harness().app)
      .get(`/api/attachments/${id}`)
      .buffer(true)
      .parse(asBytes);
    if (authorization !== undefined) call.set('authorization', authorization);
    if (accessCode !== undefined) call.set('x-access-code', accessCode);
    return call;
  }

  async function storedFiles(): Promise<string[]> {
    const entries = await readdir(harness().attachmentDirectory, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  }

  describe(`POST /api/attachments (${label}, over HTTP)`, () => {
    test('a JPEG with Exif GPS is stored without it: 201 with the SHA-256 of the stripped bytes, the sniffed type and the stored size', async () => {
      const response = await upload(jpegWithMetadata(), 'IMG_0001.png', 'application/octet-stream');
      harness().conformance.assertConforms(response);
      expect(response.status).toBe(201);
      const expected = strippedJpeg();
      expect(response.body).toEqual({ id: sha256(expected), mediaType: 'image/jpeg', sizeBytes: expected.length });
      expect(response.headers.location).toBe(`/api/attachments/${sha256(expected)}`);
    });

    test('the same bytes twice give the same id and are stored once', async () => {
      const before = await storedFiles();
      const first = await uploaded(pngWithMetadata());
      const second = await uploaded(pngWithMetadata());
      expect(second).toEqual(first);
      expect(first.id).toBe(sha256(strippedPng()));
      expect((await storedFiles()).filter((name) => !before.includes(name))).toEqual([first.id]);
    });

    test('a file of another type is a 415 naming the accepted types, whatever its name and declared type say', async () => {
      const response = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'foto.jpg', 'image/jpeg');
      harness().conformance.assertConforms(response);
      expect(response.status).toBe(415);
      expect(response.body).toMatchObject({ code: 'unsupported_file_type', detail: expect.stringMatching(/JPEG, PNG, WebP or PDF/) });
    });

    test('a body that is not multipart is a 415', async () => {
      const response = await request(harness().app).post('/api/attachments').set('content-type', 'image/jpeg').send(jpegWithMetadata());
      harness().conformance.assertConforms(response);
      expect(response.status).toBe(415);
    });

    test('a file over the limit is a 413 and nothing is stored', async () => {
      const before = await storedFiles();
      const big = Buffer.concat([jpegWithMetadata().subarray(0, 2), Buffer.alloc(TEST_ATTACHMENT_MAX_BYTES + 1, 0x41)]);
      const response = await upload(big);
      harness().conformance.assertConforms(response);
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('file_too_large');
      expect(await storedFiles()).toEqual(before);
    });

    test('an endless chunked body (no Content-Length) is cut off past the limit: 413, the connection closed', async () => {
      const { Readable } = await import('node:stream');
      const address = await new Promise<{ port: number; close: () => void }>((resolve) => {
        const server = harness().app.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as { port: number }).port, close: () => server.close() }));
      });
      try {
        const header = Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n');
        const endless = Readable.from((function* () {
          yield header;
          for (;;) yield Buffer.alloc(16 * 1024, 0x41);
        })());
        const response = await fetch(`http://127.0.0.1:${address.port}/api/attachments`, {
          method: 'POST',
          headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
          body: Readable.toWeb(endless) as ReadableStream,
          duplex: 'half',
        } as RequestInit);
        expect(response.status).toBe(413);
        expect(response.headers.get('connection')).toBe('close');
        expect(((await response.json()) as { code: string }).code).toBe('file_too_large');
      } finally {
        address.close();
      }
    });

    test('a JPEG whose structure is broken is a 422 naming why', async () => {
      const response = await upload(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x7f, 0xff, 0x00]));
      harness().conformance.assertConforms(response);
      expect(response.status).toBe(422);
      expect(response.body.detail).toMatch(/JPEG segment/);
    });

    test('a form cut off inside its file is a 400 malformed_multipart (not a crash)', async () => {
      const cut = Buffer.concat([Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n'), jpegWithMetadata().subarray(0, 40)]);
      const response = await request(harness().app).post('/api/attachments').set('content-type', 'multipart/form-data; boundary=XyZ').send(cut);
      harness().conformance.assertConforms(response);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('malformed_multipart');
    });

    test('property: any body under any multipart or other content type is answered with a documented 4xx or a 201, never a 5xx', async () => {
      const contentTypes = ['multipart/form-data; boundary=XyZ', 'multipart/form-data', 'multipart/form-data; boundary=', 'multipart/mixed; boundary=XyZ', 'text/plain'];
      const part = fc.record({
        name: fc.constantFrom('file', 'photo', '', '"', 'file"; filename="a.jpg'),
        filename: fc.option(fc.constantFrom('a.jpg', '', '../../etc/passwd', 'x\r\ny')),
        body: fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.constant(jpegWithMetadata()), fc.constant(pngWithMetadata())),
      });
      const multipart = fc.array(part, { maxLength: 3 }).map((parts) =>
        Buffer.concat([
          ...parts.flatMap(({ name, filename, body }) => [
            Buffer.from(`--XyZ\r\nContent-Disposition: form-data; name="${name}"${filename === null ? '' : `; filename="${filename}"`}\r\n\r\n`, 'latin1'),
            Buffer.from(body),
            Buffer.from('\r\n'),
          ]),
          Buffer.from('--XyZ--\r\n'),
        ]),
      );
      const body = fc.oneof(multipart, multipart.map((b) => b.subarray(0, Math.floor(b.length / 2))), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...contentTypes), body, async (contentType, raw) => {
          const response = await request(harness().app).post('/api/attachments').set('content-type', contentType).send(raw);
          harness().conformance.assertConforms(response);
          expect(response.status).toBeLessThan(500);
        }),
        { numRuns: 60 },
      );
    });

    test('400 names each field path: an unknown field, a second file, a missing file, an empty file', async () => {
      const extraField = await request(harness().app).post('/api/attachments').field('caption', 'Jl. Merdeka').attach('file', jpegWithMetadata(), 'a.jpg');
      const secondFile = await request(harness().app).post('/api/attachments').attach('file', jpegWithMetadata(), 'a.jpg').attach('photo', pngWithMetadata(), 'b.png');
      const noFile = await request(harness().app).post('/api/attachments').field('note', 'x');
      const empty = await request(harness().app).post('/api/attachments').attach('file', Buffer.alloc(0), 'a.jpg');
      for (const response of [extraField, secondFile, noFile, empty]) {
        harness().conformance.assertConforms(response);
        expect(response.status).toBe(400);
      }
      expect(extraField.body.errors).toEqual([{ path: 'body.caption', message: expect.stringMatching(/unknown field/) }]);
      expect(secondFile.body.errors).toEqual([{ path: 'body.photo', message: expect.stringMatching(/unknown field/) }]);
      expect(noFile.body.errors).toEqual([{ path: 'body.note', message: expect.stringMatching(/unknown field/) }]);
      expect(empty.body.errors).toEqual([{ path: 'body.file', message: 'the file is empty' }]);
    });
  });

  describe(`references to attachments in commands (${label})`, () => {
    test('a complaint may reference only an uploaded file, with the type and size the upload answered: 400 naming each wrong field', async () => {
      const api = apiClient(harness());
      const photo = await uploaded(jpegWithMetadata());
      const refused = await request(harness().app)
        .post('/api/complaints')
        .send(
          validReport({
            attachments: [
              { id: 'f'.repeat(64), name: 'hilang.jpg', mediaType: 'image/jpeg', sizeBytes: 10 },
              { ...photo, name: 'salah.png', mediaType: 'image/png', sizeBytes: photo.sizeBytes + 1 },
              { ...photo, name: 'benar.jpg' },
            ],
          }),
        );
      harness().conformance.assertConforms(refused);
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        { path: 'body.attachments.0.id', message: expect.stringMatching(/no attachment with this id was uploaded/) },
        { path: 'body.attachments.1.mediaType', message: 'the uploaded file is image/jpeg' },
        { path: 'body.attachments.1.sizeBytes', message: `the uploaded file has ${photo.sizeBytes} bytes` },
      ]);
      const { id } = await api.complaintAt('in_progress');
      const followUp = await api.act(id, 'follow-ups', await api.as.officer(AGENCY), { visibility: 'public', text: 'Foto.', attachments: [{ id: '1'.repeat(64), name: 'x.jpg', mediaType: 'image/jpeg', sizeBytes: 1 }] });
      harness().conformance.assertConforms(followUp);
      expect(followUp.status).toBe(400);
      expect(followUp.body.errors).toEqual([{ path: 'body.attachments.0.id', message: expect.any(String) }]);
    });
  });

  describe(`GET /api/attachments/{attachmentId} (${label}): served to those who see it referenced`, () => {
    const reporter = 'acct-attachment-reporter';
    let openPhoto: { id: string; mediaType: string; sizeBytes: number };
    let confidentialPhoto: { id: string; mediaType: string; sizeBytes: number };
    let notePhoto: { id: string; mediaType: string; sizeBytes: number };
    let unreferenced: { id: string; mediaType: string; sizeBytes: number };
    let laterConfidential: { id: string; mediaType: string; sizeBytes: number };
    let laterConfidentialComplaint: string;
    /** The receipt access codes of the open and the confidential complaint. */
    const codes = { open: '', confidential: '' };

    const refOf = (stored: { id: string; mediaType: string; sizeBytes: number }, name: string) => ({ ...stored, name });
    const uniquePng = (label: string): Buffer => Buffer.concat([PNG_SIGNATURE, pngParts.ihdr, pngChunk('IDAT', Buffer.from(label)), pngParts.iend]);

    beforeAll(async () => {
      const api = apiClient(harness());
      openPhoto = await uploaded(jpegWithMetadata());
      confidentialPhoto = await uploaded(uniquePng('rahasia'));
      notePhoto = await uploaded(uniquePng('catatan'));
      unreferenced = await uploaded(uniquePng('tanpa-rujukan'));
      laterConfidential = await uploaded(uniquePng('kemudian'));
      const admin = await api.as.admin();
      const officer = await api.as.officer(AGENCY);
      const fileWithReceipt = async (report: Record<string, unknown>, receipt: keyof typeof codes): Promise<string> => {
        const filed = await request(harness().app).post('/api/complaints').set('authorization', await api.as.reporter(reporter)).send(report);
        if (filed.status !== 201) throw new Error(`filing failed: ${filed.status} ${filed.text}`);
        codes[receipt] = filed.body.accessCode as string;
        return filed.body.id as string;
      };
      const open = await fileWithReceipt(validReport({ attachments: [refOf(openPhoto, 'lubang.jpg')] }), 'open');
      const confidential = await fileWithReceipt(validReport({ confidential: true, attachments: [refOf(confidentialPhoto, 'bukti.png')] }), 'confidential');
      laterConfidentialComplaint = await api.file(reporter, validReport({ attachments: [refOf(laterConfidential, 'nanti.png')] }));
      for (const id of [open, confidential]) {
        for (const [action, who, body] of [
          ['dispose', admin, { agencyId: AGENCY }],
          ['accept', officer, { resolutionClass: 'medium' }],
        ] as const) {
          const response = await api.act(id, action, who, body);
          if (response.status !== 200) throw new Error(`${action}: ${response.status} ${response.text}`);
        }
      }
      const note = await api.act(open, 'follow-ups', officer, { visibility: 'internal', text: 'Foto survei.', attachments: [refOf(notePhoto, 'survei.png')] });
      if (note.status !== 201 && note.status !== 200) throw new Error(`follow-up: ${note.status} ${note.text}`);
      await harness().project();
    });

    const statusOf = async (id: string, authorization?: string, accessCode?: string): Promise<number> => {
      const response = await download(id, authorization, accessCode);
      harness().conformance.assertConforms(response);
      return response.status;
    };

    test('anyone reads an attachment of a public complaint: the stripped bytes, the sniffed type, nosniff and a file name made of the id', async () => {
      const response = await download(openPhoto.id);
      harness().conformance.assertConforms(response);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(strippedJpeg());
      expect((response.body as Buffer).includes(gpsCanaryBytes())).toBe(false);
      expect(response.headers['content-type']).toBe('image/jpeg');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toBe(`inline; filename="${openPhoto.id}.jpg"`);
    });

    test("a confidential complaint's attachment: not the public, not another reporter, not another agency; its reporter, its agency, admin and Ombudsman do", async () => {
      const api = apiClient(harness());
      expect(await statusOf(confidentialPhoto.id)).toBe(404);
      expect(await statusOf(confidentialPhoto.id, await api.as.reporter('acct-someone-else'))).toBe(404);
      expect(await statusOf(confidentialPhoto.id, await api.as.officer(OTHER_AGENCY))).toBe(404);
      expect(await statusOf(confidentialPhoto.id, await api.as.reporter(reporter))).toBe(200);
      expect(await statusOf(confidentialPhoto.id, await api.as.officer(AGENCY))).toBe(200);
      expect(await statusOf(confidentialPhoto.id, await api.as.admin())).toBe(200);
      expect(await statusOf(confidentialPhoto.id, await api.as.ombudsman())).toBe(200);
      const served = await download(confidentialPhoto.id, await api.as.admin());
      expect(served.headers['cache-control']).toBe('private, no-store');
    });

    test("the holder of a complaint's receipt code reads its attachments, confidential too; another complaint's code, a wrong one, an internal note and an unknown id are the same 404", async () => {
      expect(await statusOf(confidentialPhoto.id, undefined, codes.confidential)).toBe(200);
      expect(await statusOf(confidentialPhoto.id, undefined, codes.confidential.toLowerCase().replaceAll('-', ''))).toBe(200);
      const served = await download(confidentialPhoto.id, undefined, codes.confidential);
      expect(served.body).toEqual(uniquePng('rahasia'));
      expect(served.headers['cache-control']).toBe('private, no-store');
      expect(await statusOf(confidentialPhoto.id, undefined, codes.open)).toBe(404);
      expect(await statusOf(confidentialPhoto.id, undefined, 'ZZZZZ-ZZZZZ')).toBe(404);
      expect(await statusOf(notePhoto.id, undefined, codes.open)).toBe(404);
      expect(await statusOf('0'.repeat(64), undefined, codes.confidential)).toBe(404);
      const wrong = await download(confidentialPhoto.id, undefined, codes.open);
      const unknown = await download('0'.repeat(64));
      expect(wrong.body).toEqual(unknown.body);
    });

    test("an internal note's attachment on a public complaint: the writing agency, admin and Ombudsman only", async () => {
      const api = apiClient(harness());
      expect(await statusOf(notePhoto.id)).toBe(404);
      expect(await statusOf(notePhoto.id, await api.as.reporter(reporter))).toBe(404);
      expect(await statusOf(notePhoto.id, await api.as.officer(OTHER_AGENCY))).toBe(404);
      expect(await statusOf(notePhoto.id, await api.as.officer(AGENCY))).toBe(200);
      expect(await statusOf(notePhoto.id, await api.as.admin())).toBe(200);
    });

    test('an upload no complaint references is nobody’s to read, not even an admin’s; an unknown id is the same 404', async () => {
      const api = apiClient(harness());
      expect(await statusOf(unreferenced.id)).toBe(404);
      expect(await statusOf(unreferenced.id, await api.as.admin())).toBe(404);
      expect(await statusOf('0'.repeat(64), await api.as.admin())).toBe(404);
    });

    test('an id that is not a SHA-256 is a 400 naming params.attachmentId', async () => {
      const response = await download('..%2F..%2Fetc%2Fpasswd');
      harness().conformance.assertConforms(response);
      expect(response.status).toBe(400);
      expect(JSON.parse((response.body as Buffer).toString()).errors).toEqual([{ path: 'params.attachmentId', message: expect.any(String) }]);
    });

    test('once its complaint is made confidential, the public can no longer read an attachment it could before', async () => {
      const api = apiClient(harness());
      expect(await statusOf(laterConfidential.id)).toBe(200);
      const made = await api.act(laterConfidentialComplaint, 'make-confidential', await api.as.reporter(reporter), {});
      expect(made.status).toBe(200);
      await harness().project();
      expect(await statusOf(laterConfidential.id)).toBe(404);
      expect(await statusOf(laterConfidential.id, await api.as.reporter(reporter))).toBe(200);
    });
  });
}
