// The API's logger: pino, one JSON line per event. A request's lines go through forRequest, which
// puts its id in each (passed along explicitly: an AsyncLocalStorage would put a hook on every
// promise in the process, docs/architecture.md). A field named as a secret is written as
// "[redacted]", as a second guard: callers never pass a secret in the first place.
import pino from 'pino';
import type { LogLevel } from '../config';

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** Field names that hold a secret somewhere in this code base or in B2's answers. */
export const SECRET_FIELDS = [
  'applicationKey',
  'authorizationToken',
  'masterKey',
  'secret',
  'secretAccessKey',
  'password',
  'authorization',
  'cookie',
] as const;

const SECRET_NAMES: ReadonlySet<string> = new Set(SECRET_FIELDS);
const CENSOR = '[redacted]';

/**
 * The fields with every secret one censored. Fields are flat (LogFields), so the names are all
 * there is to check; the object is copied only when one matches. pino's own redact option parses
 * its paths again on every line, which made it the costliest part of a request's log line.
 */
export function redacted(fields: LogFields | undefined): LogFields {
  if (!fields) return {};
  let out: LogFields | null = null;
  for (const name of Object.keys(fields)) {
    if (SECRET_NAMES.has(name)) (out ??= { ...fields })[name] = CENSOR;
  }
  return out ?? fields;
}

/** The API request being served: its id, and the logger whose lines carry it. */
export interface RequestContext {
  readonly requestId: string;
  readonly log: Logger;
}

/** The same logger, with the request's id first in every line. */
export function forRequest(logger: Logger, requestId: string): Logger {
  const withId = (fields?: LogFields): LogFields => ({ requestId, ...fields });
  return {
    debug: (message, fields) => logger.debug(message, withId(fields)),
    info: (message, fields) => logger.info(message, withId(fields)),
    warn: (message, fields) => logger.warn(message, withId(fields)),
    error: (message, fields) => logger.error(message, withId(fields)),
  };
}

export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const log = pino(
    {
      level,
      base: undefined,
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => write(line.replace(/\n$/, '')) },
  );
  return {
    debug: (message, fields) => {
      if (log.isLevelEnabled('debug')) log.debug(redacted(fields), message);
    },
    info: (message, fields) => log.info(redacted(fields), message),
    warn: (message, fields) => log.warn(redacted(fields), message),
    error: (message, fields) => log.error(redacted(fields), message),
  };
}

export const silentLogger: Logger = createLogger('silent');
