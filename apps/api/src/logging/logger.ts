// The API's logger: pino, one JSON line per event, with the request id of the request being
// served in every line. Secret fields are redacted by name wherever they appear, as a second
// guard: callers never pass a secret in the first place.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
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

const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` with a request id that every log line written meanwhile carries. */
export function withRequestId<T>(work: () => T, requestId: string = randomUUID()): T {
  return requestContext.run({ requestId }, work);
}

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
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
      redact: {
        paths: SECRET_FIELDS.flatMap((name) => [name, `*.${name}`]),
        censor: '[redacted]',
      },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    { write: (line: string) => write(line.replace(/\n$/, '')) },
  );
  return {
    debug: (message, fields) => log.debug(fields ?? {}, message),
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message),
  };
}

export const silentLogger: Logger = createLogger('silent');
