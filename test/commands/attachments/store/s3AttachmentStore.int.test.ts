import { s3AttachmentStore } from '../../../../commands/attachments/store/s3AttachmentStore';
import { fakeS3Unavailable, startFakeS3, type FakeS3 } from '../../../s3/fakeS3';
import { attachmentStoreContract } from './attachmentStoreContract';

const unavailable = fakeS3Unavailable();
if (unavailable !== undefined) console.log(`S3 attachment store tests skipped: ${unavailable}`);
const describeWithS3 = unavailable === undefined ? describe : describe.skip;

const credentials = { accessKeyId: 'lapor-test', secretAccessKey: 'lapor-test-secret', region: 'us-east-1' };

describeWithS3('s3AttachmentStore against a fake S3 server (gofakes3, built through the Go module proxy)', () => {
  let server: FakeS3;
  beforeAll(async () => {
    server = await startFakeS3();
  }, 600_000);
  afterAll(() => server?.stop());

  attachmentStoreContract('S3', () => s3AttachmentStore({ ...credentials, endpoint: server.endpoint, bucket: server.bucket }));

  test('a bucket that does not exist is an error naming the call, not "nothing stored"', async () => {
    const store = s3AttachmentStore({ ...credentials, endpoint: server.endpoint, bucket: 'no-such-bucket' });
    await expect(store.put(Buffer.from('x'))).rejects.toThrow(/S3 (HEAD|PUT) \/no-such-bucket\/.* answered 404/);
  });
});
