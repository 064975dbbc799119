// The request log: method, path, status, duration, and the request id every line of the request
// carries (also sent back as X-Request-Id). Never bodies, cookies, query strings or headers.
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { forRequest, type Logger, type RequestContext } from '../logging/logger';

/** A handover id lets its holder use the link up: the log shows only that there was one. */
function loggedPath(url: string): string {
  return url.split('?')[0]!.replace(/(\/handovers?\/)[^/]+/, '$1:id');
}

/** The request's id and logger, as requestLogger (the first middleware) set them. */
export function requestContextOf(res: Response): RequestContext {
  const context = res.locals.request as RequestContext | undefined;
  if (!context) throw new Error('requestLogger has not run for this request.');
  return context;
}

/** The logger whose lines carry the request's id; `fallback` before requestLogger ran. */
export const requestLogOf = (res: Response, fallback: Logger): Logger =>
  (res.locals.request as RequestContext | undefined)?.log ?? fallback;

export function requestLogger(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    const log = forRequest(logger, requestId);
    res.locals.request = { requestId, log } satisfies RequestContext;
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const fields = {
        method: req.method,
        // The path alone: a query string is nobody's business in a log.
        path: loggedPath(req.originalUrl),
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
      };
      if (res.statusCode >= 500) log.error('request', fields);
      else log.info('request', fields);
    });
    next();
  };
}
