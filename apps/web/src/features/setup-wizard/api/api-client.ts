// The single API client: JSON in and out, answers checked with the shared schemas, and every
// failure turned into one typed ApiError carrying the plain-words next step.
import {
  apiErrorNext,
  errorEnvelopeSchema,
  type ApiErrorCode,
  type ClientErrorCode,
  type ErrorBody,
  type FieldIssue,
} from '@b2wiz/shared';
import type { z } from 'zod';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly issues: FieldIssue[];
  readonly created: ErrorBody['created'];
  readonly retryable: boolean;
  readonly suggestion: string | undefined;
  /** With 409 confirmation_needed: the consequences the request must confirm. */
  readonly confirmations: NonNullable<ErrorBody['confirmations']>;
  /** What the user can do now, in plain words; '' when the message already says it. */
  readonly nextStep: string;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.issues = body.issues ?? [];
    this.created = body.created;
    this.retryable = body.retryable ?? false;
    this.suggestion = body.suggestion;
    this.confirmations = body.confirmations ?? [];
    const next = nextStepFor(body.code, status);
    // The API often ends its message with the next step already (the shared B2 texts).
    this.nextStep = body.message.toLowerCase().includes(next.toLowerCase()) ? '' : next;
  }
}

/** The shared next step for the code; for a code neither side knows, one by status. */
function nextStepFor(code: string, status: number): string {
  const known = apiErrorNext(code);
  if (known) return known;
  if (status === 401) return apiErrorNext('not_connected' satisfies ApiErrorCode)!;
  if (status >= 500) return apiErrorNext('server_error' satisfies ClientErrorCode)!;
  return 'Check what you entered, then try again.';
}

/** When the answer is not our envelope (a proxy's HTML page, an empty body). */
function fallbackBody(status: number): ErrorBody {
  if (status === 401) {
    return {
      code: 'not_connected' satisfies ApiErrorCode,
      message: 'You are not connected to Backblaze.',
    };
  }
  if (status === 404) {
    return {
      code: 'not_found' satisfies ApiErrorCode,
      message: 'The wizard’s server does not know this address.',
    };
  }
  if (status >= 500) {
    return {
      code: 'server_error' satisfies ClientErrorCode,
      message: 'The wizard’s server had a problem.',
      retryable: status === 502 || status === 503 || status === 504,
    };
  }
  return {
    code: 'bad_request' satisfies ApiErrorCode,
    message: 'The wizard’s server did not accept the request.',
  };
}

interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  /** How the answer must look; omit for answers with no content. */
  schema?: S;
  signal?: AbortSignal;
}

export async function apiRequest<S extends z.ZodType>(
  path: string,
  options: RequestOptions<S> & { schema: S },
): Promise<z.output<S>>;
export async function apiRequest(path: string, options?: RequestOptions<z.ZodType>): Promise<void>;
export async function apiRequest<S extends z.ZodType>(
  path: string,
  { method = 'GET', body, schema, signal }: RequestOptions<S> = {},
): Promise<z.output<S> | void> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, {
      code: 'network_unreachable' satisfies ClientErrorCode,
      message: 'The wizard’s server did not answer.',
      retryable: true,
    });
  }

  const text = await response.text();
  let json: unknown = undefined;
  if (text !== '') {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }

  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(json);
    throw new ApiError(
      response.status,
      envelope.success ? envelope.data.error : fallbackBody(response.status),
    );
  }
  if (!schema) return;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(response.status, {
      code: 'bad_response' satisfies ClientErrorCode,
      message: 'The wizard’s server sent an answer this page does not understand.',
    });
  }
  return parsed.data;
}
