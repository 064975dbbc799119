// The key check's results as the page and scripts read them: a stable name, a plain label, and
// passed, failed or not checked. A check that was not run is never "ok".
import {
  keyCheckLabel,
  requiredKeyChecks,
  type KeyCheckName,
  type KeyCheckStatus,
  type SetupRequest,
  type SetupResult,
  type VerificationCheck,
} from '@b2wiz/shared';
import { isAppError } from '../../errors/app-error';

export class CheckList {
  readonly checks: VerificationCheck[] = [];
  /** A check failed because B2 was busy or did not answer: it says nothing about the key. */
  passingFailure = false;

  constructor(
    private readonly bucketName: string,
    /** How many buckets the key was given besides the setup's (key.extraBucketIds). */
    private readonly otherBuckets = 0,
  ) {}

  private add(name: KeyCheckName, status: KeyCheckStatus, detail: string): void {
    const label = keyCheckLabel(name, this.bucketName, this.otherBuckets);
    this.checks.push({ name, label, ok: status === 'passed', status, detail });
  }

  passed(name: KeyCheckName, detail: string): void {
    this.add(name, 'passed', detail);
  }

  failed(name: KeyCheckName, detail: string): void {
    this.add(name, 'failed', detail);
  }

  notChecked(name: KeyCheckName, detail: string): void {
    this.add(name, 'notChecked', detail);
  }

  /** The words for a failure, noting whether it was only B2 being busy. */
  reason(error: unknown): string {
    if (isAppError(error) && error.retryable) this.passingFailure = true;
    return isAppError(error) ? error.message : 'Something went wrong on our side.';
  }

  /** ok only when every check the tool depends on passed, and none failed. */
  verdict(request: SetupRequest): SetupResult['verification'] {
    const needed = requiredKeyChecks(request.target, request.key.restrictToBucket);
    const passed = (name: string) => this.checks.some((c) => c.name === name && c.ok);
    const ok = needed.every(passed) && this.checks.every((c) => c.status !== 'failed');
    return { ok, checks: this.checks };
  }
}
