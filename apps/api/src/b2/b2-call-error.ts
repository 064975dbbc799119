// What a failed B2 call raises: an AppError in plain words, plus whether the call may still have
// taken effect (a lost answer, a 5xx after sending). Services read that to recover, and decide
// what the user is told.
import type { ApiErrorCode } from '@b2wiz/shared';
import { AppError, type AppErrorChanges, type AppErrorOptions } from '../errors/app-error';

export interface B2CallErrorOptions extends AppErrorOptions {
  /** The call may have taken effect although no answer came back. */
  outcomeUnknown?: boolean;
}

export class B2CallError extends AppError {
  readonly outcomeUnknown: boolean;

  constructor(
    status: number,
    code: ApiErrorCode,
    message: string,
    options: B2CallErrorOptions = {},
  ) {
    super(status, code, message, options);
    this.name = 'B2CallError';
    this.outcomeUnknown = options.outcomeUnknown ?? false;
  }

  override with(changes: AppErrorChanges & { outcomeUnknown?: boolean }): this {
    return super.with(changes);
  }
}

/** A B2 call failed in a way that may have done its work. */
export function outcomeUnknown(error: unknown): boolean {
  return error instanceof B2CallError && error.outcomeUnknown;
}
