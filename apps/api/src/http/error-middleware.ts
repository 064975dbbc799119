// The one place errors become answers: AppErrors as the envelope, Express's own client errors as
// 400, anything else as a 500 that says nothing about our insides.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, isAppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';
import { requestLogOf } from './request-log';

/** An error from Express or its router that carries a client status (a malformed path, say). */
function fromExpress(error: { status?: unknown } | null): AppError | null {
  const status = error?.status;
  // A client error stays the client's, never a 500.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(
      400,
      'bad_request',
      'The request could not be read. Check its address, and send the body as plain UTF-8 JSON.',
    );
  }
  return null;
}

/** Where nothing else matched under /api. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(
    new AppError(
      404,
      'not_found',
      `There is no ${req.method} ${req.baseUrl}${req.path} in this API.`,
    ),
  );
};

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const log = requestLogOf(res, logger);
    let appError = isAppError(error) ? error : fromExpress(error as { status?: unknown } | null);
    if (!appError) {
      // Name and where, but not the message: it could carry a value from the request.
      const e = error instanceof Error ? error : new Error(typeof error);
      log.error('unexpected error', {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        error: e.name,
        at: e.stack?.split('\n').slice(1, 4).join(' | ').trim(),
      });
      appError = new AppError(
        500,
        'internal_error',
        'Something went wrong on our side. Try again.',
      );
    } else if (appError.status >= 500 || appError.logDetail) {
      log.warn('request failed', {
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: appError.status,
        code: appError.code,
        detail: appError.logDetail,
      });
    }
    res.status(appError.status).json({ error: appError.toBody() });
  };
}
