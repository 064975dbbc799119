// The S3-compatible endpoint and region from b2_authorize_account's s3ApiUrl (docs/b2-behaviour.md
// "The S3-compatible endpoint").

export type S3EndpointAnswer =
  | { ok: true; endpoint: string; endpointUrl: string; region: string }
  | { ok: false; message: string };

const B2_S3_HOST = /^s3\.([a-z]{2}-[a-z]+-\d{3})\.backblazeb2\.com$/;

export function s3EndpointFromUrl(s3ApiUrl: string): S3EndpointAnswer {
  let url: URL;
  try {
    url = new URL(s3ApiUrl);
  } catch {
    return {
      ok: false,
      message: `'${s3ApiUrl}' is not a URL. B2's S3 endpoints look like https://s3.us-west-004.backblazeb2.com.`,
    };
  }
  const host = url.hostname.toLowerCase();
  const match = B2_S3_HOST.exec(host);
  if (!match) {
    if (host.endsWith('.backblaze.com')) {
      return {
        ok: false,
        message: `'${host}' ends in backblaze.com; B2's S3 endpoints end in backblazeb2.com.`,
      };
    }
    if (/\.s3\.[^.]+\.backblazeb2\.com$/.test(host)) {
      return {
        ok: false,
        message: `'${host}' has a bucket name in front. Use the endpoint without it, like ${host.replace(/^.*?\.(s3\.)/, '$1')}.`,
      };
    }
    return {
      ok: false,
      message: `'${host}' is not a Backblaze B2 S3 endpoint. They look like s3.us-west-004.backblazeb2.com.`,
    };
  }
  if (url.protocol !== 'https:') {
    return { ok: false, message: 'B2’s S3 endpoint only answers HTTPS. Use https://.' };
  }
  return { ok: true, endpoint: host, endpointUrl: `https://${host}`, region: match[1]! };
}
