import { describe, expect, it } from 'vitest';
import { s3EndpointFromUrl } from './s3-endpoint';

describe('s3EndpointFromUrl', () => {
  it('reads the host and region from a B2 s3ApiUrl', () => {
    expect(s3EndpointFromUrl('https://s3.us-west-004.backblazeb2.com')).toEqual({
      ok: true,
      endpoint: 's3.us-west-004.backblazeb2.com',
      endpointUrl: 'https://s3.us-west-004.backblazeb2.com',
      region: 'us-west-004',
    });
  });

  it('ignores case and a trailing slash', () => {
    expect(s3EndpointFromUrl('https://S3.EU-Central-003.BackblazeB2.com/')).toMatchObject({
      ok: true,
      endpointUrl: 'https://s3.eu-central-003.backblazeb2.com',
      region: 'eu-central-003',
    });
  });

  it('refuses http://, since B2 answers only HTTPS', () => {
    expect(s3EndpointFromUrl('http://s3.us-west-004.backblazeb2.com')).toEqual({
      ok: false,
      message: 'B2’s S3 endpoint only answers HTTPS. Use https://.',
    });
  });

  it('points out the backblaze.com typo', () => {
    expect(s3EndpointFromUrl('https://s3.us-west-004.backblaze.com')).toEqual({
      ok: false,
      message:
        "'s3.us-west-004.backblaze.com' ends in backblaze.com; B2's S3 endpoints end in backblazeb2.com.",
    });
  });

  it('offers the endpoint without a bucket name in front', () => {
    expect(s3EndpointFromUrl('https://my-bucket.s3.us-west-004.backblazeb2.com')).toEqual({
      ok: false,
      message:
        "'my-bucket.s3.us-west-004.backblazeb2.com' has a bucket name in front. Use the endpoint without it, like s3.us-west-004.backblazeb2.com.",
    });
  });

  it('refuses a host that is not B2', () => {
    expect(s3EndpointFromUrl('https://s3.amazonaws.com')).toEqual({
      ok: false,
      message:
        "'s3.amazonaws.com' is not a Backblaze B2 S3 endpoint. They look like s3.us-west-004.backblazeb2.com.",
    });
  });

  it('refuses what is not a URL', () => {
    expect(s3EndpointFromUrl('not a url')).toEqual({
      ok: false,
      message:
        "'not a url' is not a URL. B2's S3 endpoints look like https://s3.us-west-004.backblazeb2.com.",
    });
  });
});
