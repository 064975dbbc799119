// Finds the caller's session from the cookie, or answers 401 not_connected.
import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors/app-error';
import { requestContextOf } from '../http/request-log';
import { clearSessionCookie, readSessionId } from '../http/session-cookie';
import type { OpenSession, SessionService } from '../services/session-service';

export function notConnected(): AppError {
  return new AppError(
    401,
    'not_connected',
    'You are not connected to Backblaze (or the connection ended after a while without use). Connect with your application key again.',
  );
}

export function requireSession(sessions: SessionService): RequestHandler {
  return (req, res, next) => {
    const id = readSessionId(req);
    const opening = id ? sessions.open(id, requestContextOf(res)) : Promise.resolve(undefined);
    opening.then((session) => {
      if (!session) {
        if (req.headers.cookie !== undefined && id) clearSessionCookie(req, res);
        return next(notConnected());
      }
      res.locals.session = session;
      next();
    }, next);
  };
}

export function sessionOf(_req: Request, res: Response): OpenSession {
  return res.locals.session as OpenSession;
}
