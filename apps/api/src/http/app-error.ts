// The one error type the API throws on purpose; the error middleware turns it into the envelope.
import type { ErrorBody, FieldIssue } from '@b2wiz/shared';

export interface AppErrorOptions {
  field?: string;
  issues?: FieldIssue[];
  created?: ErrorBody['created'];
  retryable?: boolean;
  suggestion?: string;
  confirmations?: ErrorBody['confirmations'];
  /** Set by the B2 gateway: the call may have taken effect although no answer came back. */
  outcomeUnknown?: boolean;
  /** For the log only; never sent. Must hold no secret. */
  logDetail?: string;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  field: string | undefined;
  issues: FieldIssue[] | undefined;
  created: ErrorBody['created'];
  retryable: boolean | undefined;
  suggestion: string | undefined;
  readonly confirmations: ErrorBody['confirmations'];
  readonly outcomeUnknown: boolean;
  readonly logDetail: string | undefined;

  constructor(status: number, code: string, message: string, options: AppErrorOptions = {}) {
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
    this.outcomeUnknown = options.outcomeUnknown ?? false;
    this.logDetail = options.logDetail;
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
