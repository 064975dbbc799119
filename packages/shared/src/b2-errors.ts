// Plain-words texts for the B2 answers the wizard can meet, so the API and the web say the same thing.

export interface ErrorText {
  message: string;
  /** What the user can do next. */
  next: string;
  retryable: boolean;
}

export const B2_ERROR_TEXTS: Record<string, ErrorText> = {
  duplicate_bucket_name: {
    message:
      'That bucket name is already taken. Bucket names are shared by every Backblaze customer.',
    next: 'Choose another name, for example with your company or project name in it.',
    retryable: false,
  },
  too_many_buckets: {
    message: 'This account already has the most buckets B2 allows (100).',
    next: 'Use an existing bucket, delete one you no longer need, or ask Backblaze support for more.',
    retryable: false,
  },
  unauthorized: {
    message: 'This key is not allowed to do that.',
    next: 'Connect with the master application key, or a key that has the capabilities listed.',
    retryable: false,
  },
  bad_credentials: {
    message: 'Backblaze did not accept this application key ID and key.',
    next: 'Check that you pasted the key ID into "Application key ID" and the secret into "Application key", with no spaces. A deleted or expired key no longer works.',
    retryable: false,
  },
  bad_auth_token: {
    message: 'Your connection to Backblaze is no longer valid.',
    next: 'Connect again with your application key.',
    retryable: false,
  },
  expired_auth_token: {
    message: 'Your connection to Backblaze expired.',
    next: 'Connect again with your application key.',
    retryable: false,
  },
  unsupported: {
    message:
      'This key only works with a newer version of the B2 API (it may be a key for several buckets).',
    next: 'Connect with the master application key, or a key for all buckets or a single bucket.',
    retryable: false,
  },
  email_not_verified: {
    message:
      'Backblaze needs a verified email address before this account can have a public bucket.',
    next: 'Verify your email address in the Backblaze dashboard, or make the bucket private.',
    retryable: false,
  },
  no_payment_history: {
    message: 'Backblaze needs a payment history before this account can have a public bucket.',
    next: 'Add a payment method in the Backblaze dashboard, or make the bucket private.',
    retryable: false,
  },
  storage_cap_exceeded: {
    message: 'This account has reached its storage cap.',
    next: 'Raise the cap under "Caps & Alerts" in the Backblaze dashboard, then try again.',
    retryable: false,
  },
  transaction_cap_exceeded: {
    message: 'This account has reached its daily transaction cap.',
    next: 'Raise the cap under "Caps & Alerts" in the Backblaze dashboard, or try again tomorrow.',
    retryable: false,
  },
  cap_exceeded: {
    message: 'This account has reached one of its caps.',
    next: 'Raise the cap under "Caps & Alerts" in the Backblaze dashboard, then try again.',
    retryable: false,
  },
  access_denied: {
    message: 'Backblaze refused access to this account.',
    next: 'Sign in to the Backblaze dashboard to see why, then try again.',
    retryable: false,
  },
  too_many_requests: {
    message: 'Backblaze is asking us to slow down.',
    next: 'Wait a minute, then try again. Nothing is made twice.',
    retryable: true,
  },
  service_unavailable: {
    message: 'Backblaze is busy or briefly unavailable.',
    next: 'Wait a moment, then try again. Nothing is made twice.',
    retryable: true,
  },
  internal_error: {
    message: 'Backblaze had an internal error.',
    next: 'Wait a moment, then try again. Nothing is made twice.',
    retryable: true,
  },
  network_error: {
    message: 'We could not reach Backblaze.',
    next: 'Check the connection, then try again. Nothing is made twice.',
    retryable: true,
  },
  timeout: {
    message: 'Backblaze took too long to answer.',
    next: 'Press Retry. Nothing is made twice.',
    retryable: true,
  },
  conflict: {
    message: 'The bucket was changed by someone else while we were updating it.',
    next: 'Go back to Review to see its current settings, then apply again.',
    retryable: false,
  },
  file_lock_conflict: {
    message: 'Object Lock is on for this bucket, and it can never be turned off.',
    next: 'Keep Object Lock on, or create a new bucket.',
    retryable: false,
  },
  bad_request: {
    message: 'Backblaze did not accept one of the settings.',
    next: 'Check the settings named below, change them, and try again.',
    retryable: false,
  },
  bad_bucket_id: {
    message: 'That bucket no longer exists.',
    next: 'Go back to the Bucket step and choose or create another bucket.',
    retryable: false,
  },
};

/** Plain words for a B2 answer; unknown codes fall back by HTTP status. */
export function b2ErrorText(code: string | undefined, status: number | undefined): ErrorText {
  // hasOwn: the code comes from the server, and 'toString' must not find Object.prototype's.
  const known = code && Object.hasOwn(B2_ERROR_TEXTS, code) ? B2_ERROR_TEXTS[code] : undefined;
  if (known) return known;
  if (status === 429) return B2_ERROR_TEXTS.too_many_requests!;
  if (status === 503) return B2_ERROR_TEXTS.service_unavailable!;
  if (status !== undefined && status >= 500) return B2_ERROR_TEXTS.internal_error!;
  if (status === 408) return B2_ERROR_TEXTS.timeout!;
  if (status === 403) return B2_ERROR_TEXTS.cap_exceeded!;
  if (status === 401) return B2_ERROR_TEXTS.unauthorized!;
  return B2_ERROR_TEXTS.bad_request!;
}
