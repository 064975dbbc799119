/** What a B2 call handler receives and returns. */
import type { IncomingHttpHeaders } from 'node:http';
import type { ApiVersion, PathVersion } from './api-version';
import type { Params } from './params';
import type { State } from './state';

export interface EmulatorConfig {
  /** This server's base URL, no trailing slash; apiUrl, downloadUrl and upload URLs point here. */
  url: string;
  s3ApiUrl: string;
  region: string;
  /**
   * "test": every /__emulator/ route (tests and development). "sandbox": only POST
   * /__emulator/accounts, for a sandbox on a deployed server.
   */
  adminMode: 'test' | 'sandbox';
  /** When set, POST /__emulator/accounts needs "Authorization: Bearer <token>". */
  adminToken: string | null;
  /** Refuse S3 requests with checksum headers, as B2 did (s3/checksum-headers.ts). */
  rejectChecksumHeaders: boolean;
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
