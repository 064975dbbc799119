/** What a B2 call handler receives and returns. */
import type { IncomingHttpHeaders } from 'node:http';
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
