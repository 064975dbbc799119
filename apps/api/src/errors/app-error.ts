// The one error type the API throws on purpose; the error middleware turns it into the envelope.
// It is immutable: `with({...})` answers a changed copy, so no layer edits an error on its way up.
import type { ApiErrorCode, ErrorBody, FieldIssue } from '@b2wiz/shared';

export interface AppErrorOptions {
  field?: string | undefined;
  issues?: FieldIssue[] | undefined;
  created?: ErrorBody['created'];
  retryable?: boolean | undefined;
  suggestion?: string | undefined;
  confirmations?: ErrorBody['confirmations'];
  /** For the log only; never sent. Must hold no secret. */
  logDetail?: string | undefined;
}

export type AppErrorChanges = AppErrorOptions & { message?: string };

export class AppError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly field: string | undefined;
  readonly issues: FieldIssue[] | undefined;
  readonly created: ErrorBody['created'];
  readonly retryable: boolean | undefined;
  readonly suggestion: string | undefined;
  readonly confirmations: ErrorBody['confirmations'];
  readonly logDetail: string | undefined;

  constructor(status: number, code: ApiErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = 'AppError';
    this.status = status;
    this.code = code;
    this.field = options.field;
    this.issues = options.issues;
    this.created = options.created;
    this.retryable = options.retryable;
    this.suggestion = options.suggestion;
    this.confirmations = options.confirmations;
    this.logDetail = options.logDetail;
  }

  /** A copy with these fields changed (of the same class, the stack kept). */
  with(changes: AppErrorChanges): this {
    const { message, ...fields } = changes;
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this;
    Object.assign(copy, this, fields);
    // Error keeps message and stack as non-enumerable own properties, which assign skips.
    for (const [key, value] of [
      ['message', message ?? this.message],
      ['stack', this.stack],
    ] as const) {
      Object.defineProperty(copy, key, {
        value,
        enumerable: false,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.issues !== undefined) body.issues = this.issues;
    if (this.created !== undefined) body.created = this.created;
    if (this.retryable !== undefined) body.retryable = this.retryable;
    if (this.suggestion !== undefined) body.suggestion = this.suggestion;
    if (this.confirmations !== undefined) body.confirmations = this.confirmations;
    return body;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
