// Every error code the wizard's API answers with, and the next step a person can take for each.
// Codes the API passes on from B2 take their words from b2-errors.ts, so both say the same thing.
import { B2_ERROR_TEXTS } from './b2-errors';

export interface ApiErrorInfo {
  /** What the person using the wizard can do now, in plain words. */
  next: string;
  /** Whether trying the same thing again, unchanged, can help. */
  retryable: boolean;
}

const RELOAD = 'Reload the page and try again.';
const CONNECT_AGAIN = 'Go back to the Connect step and connect again.';

function fromB2(code: string): ApiErrorInfo {
  const text = B2_ERROR_TEXTS[code];
  if (!text) throw new Error(`b2-errors.ts has no text for ${code}`);
  return { next: text.next, retryable: text.retryable };
}

export const API_ERROR_CODES = {
  // --- The request itself (the wizard's page sends these right; a proxy or a script may not) ---
  invalid_json: { next: RELOAD, retryable: false },
  invalid_encoding: { next: RELOAD, retryable: false },
  unsupported_media_type: { next: RELOAD, retryable: false },
  unexpected_body: { next: RELOAD, retryable: false },
  not_found: { next: RELOAD, retryable: false },
  payload_too_large: {
    next: 'Make what you entered shorter (fewer or smaller rules), then try again.',
    retryable: false,
  },
  incomplete_request: { next: 'Check the connection, then try again.', retryable: true },
  cross_site_request: { next: 'Open the wizard at its own address.', retryable: false },
  invalid_request: { next: 'Fix the fields marked in red, then try again.', retryable: false },
  rate_limited: { next: 'Wait a minute, then try again.', retryable: true },
  store_unavailable: {
    next: 'Wait a moment, then try again. If it keeps happening, tell whoever runs this wizard that its session store is down.',
    retryable: true,
  },

  // --- The connection ---
  not_connected: { next: CONNECT_AGAIN, retryable: false },
  sandbox_off: { next: 'Connect with your own application key.', retryable: false },
  sandbox_unavailable: {
    next: 'Wait a moment and try the sandbox again, or connect with your own application key.',
    retryable: true,
  },
  missing_capability: {
    next: 'Connect with the master application key, or make a key with these capabilities in the Backblaze dashboard.',
    retryable: false,
  },

  // --- The setup ---
  confirmation_needed: {
    next: 'Tick each box under “Please confirm before anything changes”, then press “Create everything” again.',
    retryable: false,
  },
  apply_in_progress: {
    next: 'Wait a moment, then press “Create everything” again; nothing is made twice.',
    retryable: true,
  },
  setup_not_found: {
    next: 'Reload the page: the History list shows the setups this connection made.',
    retryable: false,
  },
  setup_busy: {
    next: 'Wait until the setup has finished, then try again.',
    retryable: true,
  },
  setup_undone: {
    next: 'Press “Set up another” to make a new bucket and key.',
    retryable: false,
  },
  idempotency_key_reused: {
    next: 'Go back to Review and press “Create everything” again.',
    retryable: false,
  },
  key_not_found: {
    next: 'Reload the list of the account’s keys: the key may have been deleted already.',
    retryable: false,
  },
  key_protected: {
    next: 'Manage this key in the Backblaze dashboard (App Keys), or connect with another key first.',
    retryable: false,
  },
  key_not_replaceable: {
    next: 'Make the new key in the Backblaze dashboard (App Keys), or set the bucket up again with the wizard.',
    retryable: false,
  },
  key_check_failed: {
    next: 'Choose the tool this key is used by, then press “Make the new key” again. The old key still works.',
    retryable: false,
  },
  bucket_exists: {
    next: 'Set it up as an existing bucket, or pick another name.',
    retryable: false,
  },
  bucket_not_found: { next: 'Choose another bucket.', retryable: false },
  s3_refused: {
    next: 'Wait a minute and check again; if it still fails, check the S3 endpoint and region.',
    retryable: false,
  },
  unusable_endpoint: {
    next: 'Check that B2_API_URL on the wizard’s server points at Backblaze B2, then try again.',
    retryable: false,
  },
  unexpected_answer: {
    next: 'Try again in a moment. If it keeps happening, check that B2_API_URL on the wizard’s server points at Backblaze B2.',
    retryable: false,
  },

  // --- Handover links (the customer's page, and the sender's list) ---
  handover_not_found: {
    next: 'Check that the whole link was copied, or ask the person who sent it for a new one.',
    retryable: false,
  },
  handover_opened: {
    next: 'Ask the person who sent you the link for a new one.',
    retryable: false,
  },
  handover_expired: {
    next: 'Ask the person who sent you the link for a new one.',
    retryable: false,
  },
  handover_revoked: {
    next: 'Ask the person who sent you the link for a new one.',
    retryable: false,
  },
  handover_not_yours: {
    next: 'Only the browser session that made a link can revoke it.',
    retryable: false,
  },

  // --- B2's answers, passed on (bad_request and internal_error also come from the API itself) ---
  bad_credentials: fromB2('bad_credentials'),
  unsupported: fromB2('unsupported'),
  unauthorized: fromB2('unauthorized'),
  bad_auth_token: fromB2('bad_auth_token'),
  expired_auth_token: fromB2('expired_auth_token'),
  email_not_verified: fromB2('email_not_verified'),
  no_payment_history: fromB2('no_payment_history'),
  cap_exceeded: fromB2('cap_exceeded'),
  storage_cap_exceeded: fromB2('storage_cap_exceeded'),
  transaction_cap_exceeded: fromB2('transaction_cap_exceeded'),
  access_denied: fromB2('access_denied'),
  duplicate_bucket_name: fromB2('duplicate_bucket_name'),
  too_many_buckets: fromB2('too_many_buckets'),
  file_lock_conflict: fromB2('file_lock_conflict'),
  bad_bucket_id: fromB2('bad_bucket_id'),
  conflict: fromB2('conflict'),
  bad_request: fromB2('bad_request'),
  too_many_requests: fromB2('too_many_requests'),
  service_unavailable: fromB2('service_unavailable'),
  internal_error: fromB2('internal_error'),
  timeout: fromB2('timeout'),
  network_error: fromB2('network_error'),
} as const satisfies Record<string, ApiErrorInfo>;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

/** Codes the web's API client gives a failure when no usable answer came from the API. */
export const CLIENT_ERROR_CODES = {
  network_unreachable: {
    next: 'Check that the wizard is still running, then try again.',
    retryable: true,
  },
  server_error: { next: 'Wait a moment, then try again.', retryable: true },
  bad_response: { next: RELOAD, retryable: false },
} as const satisfies Record<string, ApiErrorInfo>;

export type ClientErrorCode = keyof typeof CLIENT_ERROR_CODES;

/** The next step for an API or client error code; undefined for a code neither table has. */
export function apiErrorNext(code: string): string | undefined {
  // hasOwn: the code comes from the server, and 'toString' must not find Object.prototype's.
  if (Object.hasOwn(API_ERROR_CODES, code)) return API_ERROR_CODES[code as ApiErrorCode].next;
  if (Object.hasOwn(CLIENT_ERROR_CODES, code)) {
    return CLIENT_ERROR_CODES[code as ClientErrorCode].next;
  }
  return undefined;
}
