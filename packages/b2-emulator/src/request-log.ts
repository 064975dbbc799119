/**
 * A record of the requests the emulator received (native B2 calls with their JSON bodies, S3 calls
 * without), oldest first, so tests can check what a client sent. Headers are never kept.
 */

export const MAX_RECORDED_REQUESTS = 5000;

export interface RecordedRequest {
  /** The B2 call ("b2_create_bucket") or S3 call ("s3_put_object") name. */
  call: string;
  /** "v1" … "v4" as in the path; null for /file/ downloads and S3 calls. */
  apiVersion: string | null;
  method: string;
  /** The path without the query string. */
  path: string;
  /** The parsed JSON body; null when there was none, it was not JSON, or it was file data. */
  body: unknown;
  /** The emulator clock, in ms. */
  at: number;
}

/** Calls whose body is file data, not JSON. */
const DATA_BODY_CALLS = new Set(['b2_upload_file', 'b2_download_file_by_name']);

export function jsonBodyOf(call: string, body: Buffer): unknown {
  if (DATA_BODY_CALLS.has(call) || body.length === 0) return null;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

export class RequestLog {
  private entries: RecordedRequest[] = [];

  record(entry: RecordedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_RECORDED_REQUESTS)
      this.entries.splice(0, this.entries.length - MAX_RECORDED_REQUESTS);
  }

  /** Copies, oldest first. */
  list(): RecordedRequest[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries = [];
  }
}
