// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the one typing of backblaze-b2 lives beside the gateway; bench uses it too
/// <reference path="../../apps/api/src/b2/backblaze-b2.d.ts" />
// The same B2 calls an apply makes, made directly the plain way: backblaze-b2 as documented, and
// the key check's S3 requests signed as apps/api signs them and sent with fetch (the baseline the
// API is measured against; the API's own transport is leaner, docs/architecture.md), and the
// dashboard's way of making the same bucket (for the round-trip count).
import { randomBytes } from 'node:crypto';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import B2 from 'backblaze-b2';
import type { AxiosOverride } from 'backblaze-b2';
import {
  corsRulesFor,
  keyCapabilities,
  lifecycleRulesFor,
  TARGET_PRESETS,
  type SetupRequest,
} from '@b2wiz/shared';

export interface ApplicationKey {
  applicationKeyId: string;
  applicationKey: string;
}

// As the gateway: no library retries, the authorize URL pointed at the emulator.
const OVERRIDE: AxiosOverride = { timeout: 30_000, maxRedirects: 0, 'axios-retry': { retries: 0 } };
const MARKER = Buffer.from('B2 Setup Wizard key check. Safe to delete.\n');
const withData = (data: Record<string, unknown>): AxiosOverride => ({ ...OVERRIDE, data });

/** An authorized client; `s3ApiUrl` is what b2_authorize_account named as the S3 endpoint. */
export async function authorized(
  baseUrl: string,
  key: ApplicationKey,
): Promise<B2 & { s3ApiUrl: string }> {
  const b2 = new B2({ ...key, retry: { retries: 0 } });
  const answer = await b2.authorize({
    axiosOverride: { ...OVERRIDE, url: `${baseUrl}/b2api/v2/b2_authorize_account` },
  });
  const { s3ApiUrl } = answer.data as { s3ApiUrl?: string };
  return Object.assign(b2, { s3ApiUrl: s3ApiUrl ?? '' });
}

/**
 * The S3 requests of the key check (HEAD bucket, PUT and DELETE of one object version), signed
 * with SigV4 as apps/api's S3 client signs them, and sent with Node's own fetch. The region is
 * the API's fallback: the emulator's S3 URL does not name one.
 */
class DirectS3 {
  private readonly signer: SignatureV4;
  private readonly base: URL;

  constructor(endpoint: string, key: ApplicationKey, region = 'us-west-004') {
    this.base = new URL(`${endpoint.replace(/\/+$/, '')}/`);
    this.signer = new SignatureV4({
      credentials: { accessKeyId: key.applicationKeyId, secretAccessKey: key.applicationKey },
      region,
      service: 's3',
      sha256: Hash.bind(null, 'sha256'),
      uriEscapePath: false,
    });
  }

  async send(
    method: string,
    bucket: string,
    object?: string,
    extra: { query?: Record<string, string>; body?: Buffer; contentType?: string } = {},
  ): Promise<Response> {
    const path = `/${encodeURIComponent(bucket)}${object === undefined ? '' : `/${encodeURIComponent(object)}`}`;
    const signed = await this.signer.sign(
      new HttpRequest({
        method,
        protocol: this.base.protocol,
        hostname: this.base.hostname,
        port: this.base.port === '' ? undefined : Number(this.base.port),
        path,
        query: extra.query ?? {},
        headers: {
          host: this.base.host,
          ...(extra.contentType ? { 'content-type': extra.contentType } : {}),
        },
        body: extra.body,
      }),
    );
    const url = new URL(path, this.base);
    for (const [name, value] of Object.entries(extra.query ?? {}))
      url.searchParams.set(name, value);
    const { host: _host, ...headers } = signed.headers;
    const response = await fetch(url, {
      method,
      headers,
      body: extra.body ? new Uint8Array(extra.body) : undefined,
      redirect: 'manual',
    });
    if (method !== 'HEAD') await response.arrayBuffer();
    if (!response.ok) throw new Error(`S3 ${method} ${path}: HTTP ${response.status}`);
    return response;
  }
}

function keyRequest(request: SetupRequest, bucketId: string) {
  const listAll =
    request.key.listAllBucketNames ?? TARGET_PRESETS[request.target].key.listAllBucketNames;
  return {
    keyName: request.key.name,
    capabilities: keyCapabilities(request.key.access, listAll),
    ...(request.key.restrictToBucket ? { bucketId } : {}),
    ...(request.key.namePrefix ? { namePrefix: request.key.namePrefix } : {}),
    ...(request.key.validDays ? { validDurationInSeconds: request.key.validDays * 86_400 } : {}),
  };
}

/**
 * The apply's B2 calls, in the API's order, with the session's connection already made:
 * create_bucket (rules in the one call; B2 encrypts it unasked), create_key, then the key check:
 * authorize with the new key and, as it may write, upload and delete a marker over S3 (HEAD
 * bucket first) for an S3 tool, natively otherwise.
 */
export async function directApplyCalls(
  baseUrl: string,
  session: B2,
  request: SetupRequest,
): Promise<void> {
  if (request.bucket.mode !== 'create') throw new Error('the bench only creates buckets');
  const bucket = (
    await session.createBucket({
      bucketName: request.bucket.name,
      bucketType: request.bucket.type,
      axiosOverride: withData({
        lifecycleRules: lifecycleRulesFor(request.lifecycle),
        corsRules: corsRulesFor(request.cors),
        fileLockEnabled: request.bucket.objectLock,
      }),
    })
  ).data as { bucketId: string };
  const key = (
    await session.createKey({ ...keyRequest(request, bucket.bucketId), axiosOverride: OVERRIDE })
  ).data as { applicationKeyId: string; applicationKey: string; capabilities: string[] };

  const keyClient = await authorized(baseUrl, key);
  const caps = key.capabilities;
  const mayWriteAndDelete = caps.includes('writeFiles') && caps.includes('deleteFiles');
  // As the API: the marker goes over the API the tool uses, and only there.
  if (TARGET_PRESETS[request.target].usesS3) {
    const s3 = new DirectS3(keyClient.s3ApiUrl, key);
    if (caps.includes('listBuckets') || caps.includes('readBuckets')) {
      await s3.send('HEAD', request.bucket.name);
    }
    if (mayWriteAndDelete) {
      const name = `b2-setup-wizard-s3-check-${randomBytes(6).toString('hex')}.txt`;
      const put = await s3.send('PUT', request.bucket.name, name, {
        body: MARKER,
        contentType: 'text/plain',
      });
      const versionId = put.headers.get('x-amz-version-id');
      if (!versionId) throw new Error('S3 PUT answered no x-amz-version-id');
      await s3.send('DELETE', request.bucket.name, name, { query: { versionId } });
    }
  } else if (mayWriteAndDelete) {
    const target = (
      await keyClient.getUploadUrl({ bucketId: bucket.bucketId, axiosOverride: OVERRIDE })
    ).data as { uploadUrl: string; authorizationToken: string };
    const file = (
      await keyClient.uploadFile({
        uploadUrl: target.uploadUrl,
        uploadAuthToken: target.authorizationToken,
        fileName: `b2-setup-wizard-check-${randomBytes(6).toString('hex')}.txt`,
        data: MARKER,
        mime: 'text/plain',
        axiosOverride: OVERRIDE,
      })
    ).data as { fileId: string; fileName: string };
    await keyClient.deleteFileVersion({ ...file, axiosOverride: OVERRIDE });
  }
}

/** A whole apply done directly: authorize (the session), then the apply's calls. */
export async function directApply(
  baseUrl: string,
  master: ApplicationKey,
  request: SetupRequest,
): Promise<void> {
  await directApplyCalls(baseUrl, await authorized(baseUrl, master), request);
}

/**
 * The Backblaze web dashboard's way: "Create a Bucket" sets type and Object Lock;
 * lifecycle rules and CORS rules are separate dialogs, each one b2_update_bucket; then
 * "Add a New Application Key". Answers the steps it took.
 */
export async function dashboardFlow(
  baseUrl: string,
  master: ApplicationKey,
  request: SetupRequest,
): Promise<string[]> {
  if (request.bucket.mode !== 'create') throw new Error('the bench only creates buckets');
  const steps = ['authorize'];
  const b2 = await authorized(baseUrl, master);
  const bucket = (
    await b2.createBucket({
      bucketName: request.bucket.name,
      bucketType: request.bucket.type,
      axiosOverride: withData({
        fileLockEnabled: request.bucket.objectLock,
      }),
    })
  ).data as { bucketId: string };
  steps.push('create bucket');
  const lifecycleRules = lifecycleRulesFor(request.lifecycle);
  if (lifecycleRules.length > 0) {
    await b2.updateBucket({
      bucketId: bucket.bucketId,
      axiosOverride: withData({ lifecycleRules }),
    });
    steps.push('lifecycle update');
  }
  const corsRules = corsRulesFor(request.cors);
  if (corsRules.length > 0) {
    await b2.updateBucket({ bucketId: bucket.bucketId, axiosOverride: withData({ corsRules }) });
    steps.push('CORS update');
  }
  await b2.createKey({ ...keyRequest(request, bucket.bucketId), axiosOverride: OVERRIDE });
  steps.push('create key');
  return steps;
}
