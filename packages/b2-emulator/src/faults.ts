/** Injected failures, matched on the B2 call name in the order they were added. */
import { badRequest } from './errors';

export interface FaultSpec {
  /** A B2 call name such as "b2_create_key", or "*" for every call. */
  call: string;
  /** Answer with this HTTP status (and B2 error body) instead of making the call. */
  status?: number;
  code?: string;
  message?: string;
  /** Seconds, sent as a Retry-After header with the status. */
  retryAfter?: number;
  /** Destroy the connection before the call takes effect, or after it took effect. */
  drop?: 'before' | 'after';
  /**
   * With a status: make the call first, then answer with the status anyway (B2 did the work and
   * still answered 5xx).
   */
  afterEffect?: boolean;
  /** Hold the answer this long (the call takes effect at once). */
  stallMs?: number;
  /** How many calls it applies to; omitted or null = until cleared. */
  times?: number | null;
}

const DEFAULT_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'access_denied',
  404: 'not_found',
  408: 'request_timeout',
  409: 'conflict',
  416: 'range_not_satisfiable',
  429: 'too_many_requests',
  500: 'internal_error',
  503: 'service_unavailable',
};

export const defaultCode = (status: number): string =>
  DEFAULT_CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');

/** The Retry-After header of a fault that names one, for either API's error. */
export const retryAfterHeaders = (fault: FaultSpec): Record<string, string> =>
  fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};

export function checkFault(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw badRequest('a fault must be an object');
  const f = input as Record<string, unknown>;
  if (typeof f.call !== 'string' || f.call === '')
    throw badRequest('fault.call must name a B2 call, e.g. b2_create_key');
  const spec: FaultSpec = { call: f.call };
  if (f.status !== undefined && f.status !== null) {
    if (
      typeof f.status !== 'number' ||
      !Number.isInteger(f.status) ||
      f.status < 400 ||
      f.status > 599
    ) {
      throw badRequest('fault.status must be an HTTP error status (400-599)');
    }
    spec.status = f.status;
    spec.code = typeof f.code === 'string' ? f.code : defaultCode(f.status);
    spec.message = typeof f.message === 'string' ? f.message : `emulated ${f.status} for ${f.call}`;
  }
  if (f.retryAfter !== undefined && f.retryAfter !== null) {
    if (typeof f.retryAfter !== 'number' || f.retryAfter < 0)
      throw badRequest('fault.retryAfter must be seconds >= 0');
    if (spec.status === undefined) throw badRequest('fault.retryAfter needs a status');
    spec.retryAfter = f.retryAfter;
  }
  if (f.drop !== undefined && f.drop !== null) {
    if (f.drop !== 'before' && f.drop !== 'after')
      throw badRequest('fault.drop must be "before" or "after"');
    if (spec.status !== undefined) throw badRequest('fault.drop cannot be combined with a status');
    spec.drop = f.drop;
  }
  if (f.afterEffect !== undefined && f.afterEffect !== null) {
    if (typeof f.afterEffect !== 'boolean')
      throw badRequest('fault.afterEffect must be true or false');
    if (f.afterEffect && spec.status === undefined)
      throw badRequest('fault.afterEffect needs a status');
    spec.afterEffect = f.afterEffect;
  }
  if (f.stallMs !== undefined && f.stallMs !== null) {
    if (typeof f.stallMs !== 'number' || !Number.isFinite(f.stallMs) || f.stallMs < 0) {
      throw badRequest('fault.stallMs must be milliseconds >= 0');
    }
    spec.stallMs = f.stallMs;
  }
  if (spec.status === undefined && spec.drop === undefined && spec.stallMs === undefined) {
    throw badRequest('a fault needs a status, a drop or a stallMs');
  }
  if (f.times === undefined || f.times === null) spec.times = null;
  else if (typeof f.times !== 'number' || !Number.isInteger(f.times) || f.times < 1) {
    throw badRequest('fault.times must be a positive integer, or null for a persistent fault');
  } else spec.times = f.times;
  return spec;
}

export class Faults {
  private faults: FaultSpec[] = [];

  add(input: unknown): FaultSpec {
    const spec = checkFault(input);
    this.faults.push(spec);
    return { ...spec };
  }

  clear(): void {
    this.faults = [];
  }

  list(): FaultSpec[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The first fault for this call, counted as used. */
  take(call: string): FaultSpec | undefined {
    const index = this.faults.findIndex((f) => f.call === call || f.call === '*');
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    if (fault.times !== null && fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults.splice(index, 1);
    }
    return { ...fault };
  }
}
