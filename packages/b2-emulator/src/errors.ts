/** A B2-shaped error: sent as `{status, code, message}` with the same HTTP status. */
export class B2Error extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'B2Error';
    this.status = status;
    this.code = code;
    this.headers = headers;
  }

  toJSON(): { status: number; code: string; message: string } {
    return { status: this.status, code: this.code, message: this.message };
  }
}

export const badRequest = (message: string): B2Error => new B2Error(400, 'bad_request', message);
export const unauthorized = (message = ''): B2Error => new B2Error(401, 'unauthorized', message);
export const badAuthToken = (message = 'Invalid authorization token'): B2Error =>
  new B2Error(401, 'bad_auth_token', message);
export const expiredAuthToken = (): B2Error =>
  new B2Error(401, 'expired_auth_token', 'Authorization token has expired');
export const badBucketId = (bucketId: string): B2Error =>
  new B2Error(400, 'bad_bucket_id', `Invalid bucketId: ${bucketId}`);
export const notFound = (message: string): B2Error => new B2Error(404, 'not_found', message);
export const outOfRange = (message: string): B2Error => new B2Error(400, 'out_of_range', message);
