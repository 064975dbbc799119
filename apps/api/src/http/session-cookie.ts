// The session cookie: a random id, HttpOnly, SameSite=Strict, Secure over HTTPS, only for /api.
import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'b2wiz_session';

const options = (req: Request) =>
  ({ httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/api' }) as const;

export function readSessionId(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function setSessionCookie(req: Request, res: Response, id: string): void {
  res.cookie(SESSION_COOKIE, id, options(req));
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, options(req));
}
