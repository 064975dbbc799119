// The request log: method, path, status, duration, and the request id every line of the request
// carries (also sent back as X-Request-Id). Never bodies, cookies, query strings or headers.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { withRequestId, type Logger } from '../logging/logger';

/** A handover id lets its holder use the link up: the log shows only that there was one. */
function loggedPath(url: string): string {
  return url.split('?')[0]!.replace(/(\/handovers?\/)[^/]+/, '$1:id');
}

export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    withRequestId(() => {
      res.on('finish', () => {
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        const fields = {
          method: req.method,
          // The path alone: a query string is nobody's business in a log.
          path: loggedPath(req.originalUrl),
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
        };
        if (res.statusCode >= 500) logger.error('request', fields);
        else logger.info('request', fields);
      });
      next();
    }, requestId);
  };
}
