/** Reading S3 request bodies and writing S3 answers: XML or raw bytes, with a request id. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_UPLOAD_BYTES } from '../limits';
import type { S3Reply } from './s3-context';
import { S3Error } from './s3-errors';

/** aws-chunked framing adds a few dozen bytes per chunk on top of the largest upload. */
const MAX_S3_BODY_BYTES = MAX_UPLOAD_BYTES + 4 * 1024 * 1024;

/** The whole body; over the cap it is read to the end (so the connection stays usable), then refused. */
export function readS3Body(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_S3_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_S3_BODY_BYTES
        ? reject(
            new S3Error(
              400,
              'EntityTooLarge',
              `Your proposed upload exceeds the maximum the emulator keeps in memory (${MAX_UPLOAD_BYTES} bytes); use a multipart upload.`,
            ),
          )
        : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

/** An S3 answer: XML, raw bytes or nothing, with the request id; HEAD sends the headers only. */
export function sendS3(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  reply: S3Reply,
): void {
  if (res.destroyed || res.headersSent) return;
  const headers: Record<string, string | number> = {
    'x-amz-request-id': requestId,
    ...reply.headers,
  };
  let body: Buffer;
  if (reply.xml !== undefined) {
    body = Buffer.from(reply.xml, 'utf8');
    headers['Content-Type'] = 'application/xml';
  } else body = reply.body ?? Buffer.alloc(0);
  headers['Content-Length'] = body.length;
  res.writeHead(reply.status ?? 200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** An S3 error as its XML document. */
export function sendS3Error(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  error: S3Error,
  resource: string,
): void {
  sendS3(req, res, requestId, {
    status: error.status,
    headers: error.headers,
    xml: error.toXml(resource, requestId),
  });
}
