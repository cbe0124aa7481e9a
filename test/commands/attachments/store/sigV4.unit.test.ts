import { signS3Request } from '../../../../commands/attachments/store/sigV4';

// AWS's worked example "GET Object" (Amazon S3 API reference, Signature Version 4, header-based auth).
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'us-east-1' };
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

test("signs AWS's GET Object example to AWS's published signature", () => {
  const headers = signS3Request(
    { method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'), headers: { range: 'bytes=0-9' }, payloadHash: EMPTY_SHA256, at: new Date('2013-05-24T00:00:00Z') },
    credentials,
  );
  expect(headers).toEqual({
    host: 'examplebucket.s3.amazonaws.com',
    range: 'bytes=0-9',
    'x-amz-content-sha256': EMPTY_SHA256,
    'x-amz-date': '20130524T000000Z',
    authorization:
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  });
});

test('another secret, day or region gives another signature', () => {
  const sign = (changes: Partial<typeof credentials>, at = '2013-05-24T00:00:00Z') =>
    signS3Request({ method: 'GET', url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'), headers: {}, payloadHash: EMPTY_SHA256, at: new Date(at) }, { ...credentials, ...changes }).authorization;
  const base = sign({});
  expect(new Set([base, sign({ secretAccessKey: 'other' }), sign({ region: 'ap-southeast-3' }), sign({}, '2013-05-25T00:00:00Z')]).size).toBe(4);
});
