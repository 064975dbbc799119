/**
 * Reads a call's parameters from a JSON body (POST) or from query parameters (GET, which B2 allows
 * for every call). Explicit JSON nulls count as "not given"; unknown fields are ignored.
 */
import { badRequest } from './errors';

export class Params {
  constructor(
    private readonly raw: Record<string, unknown>,
    private readonly fromQuery: boolean,
  ) {}

  static fromJson(raw: Record<string, unknown>): Params {
    return new Params(raw, false);
  }

  static fromQuery(search: URLSearchParams): Params {
    const raw: Record<string, unknown> = {};
    for (const [k, v] of search) raw[k] = v;
    return new Params(raw, true);
  }

  has(name: string): boolean {
    return this.raw[name] !== undefined && this.raw[name] !== null;
  }

  private given(name: string): unknown {
    const v = this.raw[name];
    return v === null ? undefined : v;
  }

  /** The value as given, with query strings holding JSON (lists, objects) decoded. */
  value(name: string): unknown {
    const v = this.given(name);
    if (v === undefined) return undefined;
    if (this.fromQuery && typeof v === 'string' && /^[[{]/.test(v)) {
      try {
        return JSON.parse(v) as unknown;
      } catch {
        throw badRequest(`${name} is not valid JSON`);
      }
    }
    return v;
  }

  string(name: string): string | undefined {
    const v = this.given(name);
    if (v === undefined) return undefined;
    if (typeof v !== 'string') throw badRequest(`${name} must be a string`);
    return v;
  }

  requiredString(name: string): string {
    const v = this.string(name);
    if (v === undefined) throw badRequest(`required field ${name} is missing`);
    return v;
  }

  int(name: string): number | undefined {
    const v = this.given(name);
    if (v === undefined) return undefined;
    const n = typeof v === 'string' && this.fromQuery && /^-?\d+$/.test(v) ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isInteger(n))
      throw badRequest(`${name} must be an integer`);
    return n;
  }

  /** A number as given, for rules that report their own range errors. */
  number(name: string): unknown {
    const v = this.given(name);
    return typeof v === 'string' && this.fromQuery && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }

  bool(name: string): boolean | undefined {
    const v = this.given(name);
    if (v === undefined) return undefined;
    if (this.fromQuery && (v === 'true' || v === 'false')) return v === 'true';
    if (typeof v !== 'boolean') throw badRequest(`${name} must be true or false`);
    return v;
  }

  /** A list; over GET also "a,b,c". */
  list(name: string): unknown {
    const v = this.value(name);
    if (typeof v === 'string' && this.fromQuery) return v.split(',');
    return v;
  }
}
