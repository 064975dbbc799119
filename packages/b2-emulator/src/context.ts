/** What a B2 call handler receives and returns. */
import type { IncomingHttpHeaders } from 'node:http';
import type { PathVersion } from './api-version';
import type { Params } from './params';
import type { ApiVersion } from './shapes';
import type { State } from './state';

export interface EmulatorConfig {
  /** This server's base URL, no trailing slash; apiUrl, downloadUrl and upload URLs point here. */
  url: string;
  s3ApiUrl: string;
  region: string;
}

export interface CallContext {
  call: string;
  version: ApiVersion;
  /** The version in the path as sent (1 for /b2api/v1/); null for /file/ downloads. */
  pathVersion: PathVersion | null;
  method: string;
  params: Params;
  headers: IncomingHttpHeaders;
  body: Buffer;
  url: URL;
  /** The path after the call name: "<bucketId>/<n>" for uploads, "<bucket>/<file>" for downloads. */
  rest: string;
  state: State;
  config: EmulatorConfig;
}

export interface Reply {
  status?: number;
  json?: unknown;
  headers?: Record<string, string>;
  body?: Buffer;
}

export type Handler = (ctx: CallContext) => Reply | Promise<Reply>;

export const header = (ctx: CallContext, name: string): string | undefined => {
  const v = ctx.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The bytes a `Range: bytes=a-b` header asks for (suffix and open-ended forms too): null when
 * there is no usable range (the whole file is sent), 'unsatisfiable' when it lies past the end.
 */
export function byteRange(
  range: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  const match = range === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const start = match[1] === '' ? Math.max(0, size - Number(match[2])) : Number(match[1]);
  const end = match[1] === '' || match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start >= size || start > end ? 'unsatisfiable' : { start, end };
}
