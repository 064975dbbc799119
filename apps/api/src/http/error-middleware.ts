// The one place errors become answers: AppErrors as the envelope, body-parser's errors in plain
// words, anything else as a 500 that says nothing about our insides.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, isAppError } from '../errors/app-error';
import type { Logger } from '../logging/logger';

interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  message?: string;
}

function fromBodyParser(error: BodyParserError): AppError | null {
  switch (error.type) {
    case 'entity.too.large':
      return new AppError(
        413,
        'payload_too_large',
        `The request body is too large (the limit is ${Math.round((error.limit ?? 0) / 1024)} KB).`,
      );
    case 'entity.parse.failed': {
      // Only the position: JSON.parse's own message can quote the body, which may hold a key.
      const at = /position (\d+)/.exec(error.message ?? '')?.[1];
      const where = at === undefined ? '' : ` (the problem is near character ${Number(at) + 1})`;
      return new AppError(
        400,
        'invalid_json',
        `The request body is not valid JSON${where}. Check for a missing quote, comma or brace, and send a JSON object.`,
      );
    }
    case 'encoding.unsupported':
      return new AppError(
        415,
        'unsupported_media_type',
        'Send the body uncompressed (no Content-Encoding), as UTF-8 JSON.',
      );
    case 'charset.unsupported':
      return new AppError(415, 'unsupported_media_type', 'Send the body as UTF-8 JSON.');
    case 'encoding.invalid':
      return new AppError(
        400,
        'invalid_encoding',
        'The request body is not valid UTF-8 text. Send it as UTF-8 JSON.',
      );
    case 'request.aborted':
    case 'request.size.invalid':
      return new AppError(400, 'incomplete_request', 'The request body did not arrive whole.');
  }
  // Any other client error (from body-parser or Express) stays the client's, never a 500.
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
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
    let appError = isAppError(error) ? error : fromBodyParser(error as BodyParserError);
    if (!appError) {
      // Name and where, but not the message: it could carry a value from the request.
      const e = error instanceof Error ? error : new Error(typeof error);
      logger.error('unexpected error', {
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
      logger.warn('request failed', {
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
