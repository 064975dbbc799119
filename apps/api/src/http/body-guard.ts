// What a request body may be before any route reads it: none at all where the route reads none,
// UTF-8 where it does, and JSON with no key that reaches into an object's prototype and no control
// character or broken text (a lone surrogate) in any name or value. Nothing in the API contract
// needs either, and no config file could hold them.
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import { hasControlCharacter } from '@b2wiz/shared';
import { AppError } from '../errors/app-error';

const BODILESS_METHODS = new Set(['GET', 'HEAD', 'DELETE']);
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** The deepest JSON the contract has is 5 levels (cors.rules[0].allowedOrigins[0]). */
const MAX_DEPTH = 16;

/** A request with a body of at least one byte, or one sent in chunks. */
export function carriesBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** GET, HEAD and DELETE here take no body; one that comes anyway is refused, not ignored. */
export function refuseUnexpectedBody(): RequestHandler {
  return (req, _res, next) => {
    if (!BODILESS_METHODS.has(req.method) || !carriesBody(req)) return next();
    next(
      new AppError(
        400,
        'unexpected_body',
        `A ${req.method} request to this address takes no body. Send it without one.`,
      ),
    );
  };
}

function fieldName(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'body';
  // A key may itself hold the control character: show it escaped.
  return path.map((p) => (typeof p === 'number' ? p : JSON.stringify(p).slice(1, -1))).join('.');
}

function refused(path: readonly (string | number)[], message: string): AppError {
  const field = fieldName(path);
  return new AppError(400, 'invalid_request', message, {
    field,
    issues: [{ field, message }],
  });
}

/** A value still to look at, and where it sits: the path is built only for a refusal. */
interface Visit {
  value: unknown;
  key: string | number | null;
  parent: Visit | null;
  depth: number;
}

function pathOf(visit: Visit, key?: string): (string | number)[] {
  const path: (string | number)[] = key === undefined ? [] : [key];
  for (let at: Visit | null = visit; at && at.key !== null; at = at.parent) path.unshift(at.key);
  return path;
}

/** Walks a parsed JSON body without recursion (its depth is the sender's choice). */
export function checkJsonValue(body: unknown): AppError | null {
  const stack: Visit[] = [{ value: body, key: null, parent: null, depth: 0 }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (typeof value === 'string') {
      if (hasControlCharacter(value)) {
        return refused(
          pathOf(visit),
          'This value has a control character or broken text in it (a line break, a tab, or half of an emoji). Type it again without.',
        );
      }
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) {
      return refused(
        pathOf(visit),
        'The request is nested more deeply than any request this API takes.',
      );
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i += 1) {
        stack.push({ value: value[i], key: i, parent: visit, depth: depth + 1 });
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) {
        return refused(pathOf(visit, key), `“${key}” is not a field this API takes. Remove it.`);
      }
      if (hasControlCharacter(key)) {
        return refused(
          pathOf(visit, key),
          'A field name has a control character or broken text in it. Remove it.',
        );
      }
      stack.push({
        value: (value as Record<string, unknown>)[key],
        key,
        parent: visit,
        depth: depth + 1,
      });
    }
  }
  return null;
}

export function checkJsonBody(): RequestHandler {
  return (req, _res, next) => {
    next(req.body === undefined ? undefined : (checkJsonValue(req.body) ?? undefined));
  };
}
