// CSRF: a state-changing request must be JSON (a cross-site form cannot send that without a
// preflight we never grant) and must not come from another site by Origin or Sec-Fetch-Site. No
// Origin at all is fine: curl and scripts carry no browser cookie.
import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error';
import { carriesBody } from './body-guard';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfProtection(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();

    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return next(
        new AppError(
          403,
          'cross_site_request',
          'This request came from another website, so it was refused.',
        ),
      );
    }
    const origin = req.headers.origin;
    if (origin !== undefined) {
      // Host only: behind a proxy that ends TLS, our own scheme may read http while Origin says https.
      let originHost: string | null = null;
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = null; // "null" and other opaque origins
      }
      if (originHost === null || originHost === '' || originHost !== req.headers.host) {
        return next(
          new AppError(
            403,
            'cross_site_request',
            'This request came from another website, so it was refused. Open the wizard at its own address.',
          ),
        );
      }
    }
    // A bodiless DELETE has nothing to declare; forms cannot send DELETE anyway.
    if (req.method === 'DELETE' && !carriesBody(req)) return next();
    if (!req.is('application/json')) {
      return next(
        new AppError(
          415,
          'unsupported_media_type',
          'Send the request body as JSON, with the header Content-Type: application/json.',
        ),
      );
    }
    next();
  };
}
