/** Test helpers for the S3-compatible API: requests signed with @smithy/signature-v4, sent with node:http. */
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Emulator } from '../src/index';

/** The capabilities of a read-write key, as the wizard makes one for an S3 tool. */
export const READ_WRITE = [
  'listAllBucketNames',
  'listBuckets',
  'readBuckets',
  'listFiles',
  'readFiles',
  'writeFiles',
  'deleteFiles',
];

/** A request to the emulator at 127.0.0.1, to be signed. */
function toEmulator(
  emu: Emulator,
  method: string,
  path: string,
  query: Record<string, string>,
  headers: Record<string, string>,
  body?: Buffer,
): HttpRequest {
  return new HttpRequest({
    method,
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: emu.port,
    path,
    query,
    headers,
    body,
  });
}

export interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

export interface S3RequestOptions {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Signing region; default the emulator's. */
  region?: string;
  signingDate?: Date;
  /** x-amz-content-sha256 to sign with instead of the body's hash. */
  payloadHash?: string;
  /** Send this body instead of the signed one (to tamper after signing). */
  sendBody?: Buffer | string;
}

export const sha256Hash = Hash.bind(null, 'sha256');

export const s3Path = (bucket: string, key = ''): string =>
  `/${bucket}${key === '' ? '' : `/${key.split('/').map(s3Encode).join('/')}`}`;

export const s3Encode = (text: string): string =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

export function signerFor(emu: Emulator, creds: Creds, region = emu.region): SignatureV4 {
  return new SignatureV4({
    service: 's3',
    region,
    credentials: creds,
    sha256: sha256Hash,
    uriEscapePath: false,
  });
}

/** Sends raw bytes with node:http (fetch would not let us set Host or keep a malformed body). */
export function send(
  emu: Emulator,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Buffer | string,
): Promise<S3Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${emu.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const data = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: data,
          text: data.toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const queryString = (query: Record<string, string>): string =>
  Object.entries(query)
    .map(([k, v]) => `${s3Encode(k)}=${s3Encode(v)}`)
    .join('&');

/** A SigV4-signed S3 request (Authorization header form). */
export async function s3(
  emu: Emulator,
  creds: Creds,
  method: string,
  path: string,
  options: S3RequestOptions = {},
): Promise<S3Answer> {
  const query = options.query ?? {};
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers: Record<string, string> = { host: `127.0.0.1:${emu.port}`, ...options.headers };
  headers['x-amz-content-sha256'] =
    options.payloadHash ??
    createHash('sha256')
      .update(body ?? Buffer.alloc(0))
      .digest('hex');
  const signed = await signerFor(emu, creds, options.region).sign(
    toEmulator(emu, method, path, query, headers, body),
    { signingDate: options.signingDate ?? new Date() },
  );
  const qs = queryString(query);
  return send(
    emu,
    method,
    `${path}${qs ? `?${qs}` : ''}`,
    signed.headers,
    options.sendBody ?? body,
  );
}

/** A presigned URL's path and query for this request. */
export async function presign(
  emu: Emulator,
  creds: Creds,
  method: string,
  path: string,
  expiresIn = 300,
  signingDate = new Date(),
): Promise<string> {
  const presigned = await signerFor(emu, creds).presign(
    toEmulator(
      emu,
      method,
      path,
      {},
      {
        host: `127.0.0.1:${emu.port}`,
        'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
      },
    ),
    { expiresIn, signingDate },
  );
  return `${path}?${queryString(presigned.query as Record<string, string>)}`;
}

/** The text of the first `<tag>` in an XML answer. */
export const xmlText = (xml: string, tag: string): string | undefined =>
  new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1];
export const xmlAll = (xml: string, tag: string): string[] =>
  [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);

export const md5 = (data: Buffer | string): string => createHash('md5').update(data).digest('hex');
