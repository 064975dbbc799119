/** What an S3 operation receives and returns. */
import type { IncomingHttpHeaders } from 'node:http';
import type { EmulatorConfig } from '../context';
import type { State } from '../state';
import type { Payload } from './payload';
import type { S3Credentials } from './sigv4';

export interface S3Context {
  call: string;
  method: string;
  bucketName: string;
  /** The object key, decoded; '' for bucket-level calls. */
  key: string;
  query: [string, string][];
  headers: IncomingHttpHeaders;
  payload: Payload;
  /** null for an anonymous request. */
  caller: S3Credentials | null;
  state: State;
  config: EmulatorConfig;
}

export interface S3Reply {
  status?: number;
  headers?: Record<string, string>;
  /** An XML document (Content-Type application/xml). */
  xml?: string;
  /** Raw bytes (object downloads); HEAD sends the headers only. */
  body?: Buffer;
}

export type S3Handler = (ctx: S3Context) => S3Reply | Promise<S3Reply>;

export const queryValue = (ctx: S3Context, name: string): string | undefined =>
  ctx.query.find(([n]) => n === name)?.[1];
