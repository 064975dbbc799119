// Serves the built web app (apps/web/dist) compressed: hashed assets cached for a year, index.html
// asked again on every load, the SPA's own routes answered with index.html, and a missing file a 404.
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { constants as zlib } from 'node:zlib';
import compression from 'compression';
import express, { type RequestHandler, type Router } from 'express';
import { AppError } from '../errors/app-error';

export const ROBOTS_TXT = 'User-agent: *\nAllow: /\n';

/** Vite puts a content hash in every name under assets/: a changed file is a new URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Kept, but checked (ETag) before each use: a new deploy shows at the next load. */
const REVALIDATE = 'no-cache';
const ONE_DAY = 'public, max-age=86400';

const isAsset = (path: string) => path.startsWith('/assets/');
/** A file name's extension in the last segment: /assets/x.js, /logo.png; not /setup/bucket. */
const namesAFile = (path: string) => /\.[^/]+$/.test(path);

/** robots.txt and favicon.ico, answered even without a build, so they never get index.html. */
function siteFiles(router: Router): void {
  router.get('/robots.txt', (_req, res) => {
    res.setHeader('Cache-Control', ONE_DAY);
    res.type('text/plain').send(ROBOTS_TXT);
  });
  // The app has no icon: "nothing here" without an error in the browser's console.
  router.get('/favicon.ico', (_req, res) => {
    res.setHeader('Cache-Control', ONE_DAY);
    res.status(204).end();
  });
}

const notFound: RequestHandler = (req, _res, next) => {
  next(new AppError(404, 'not_found', `There is no file at ${req.path} on this server.`));
};

/**
 * The web app's routes, mounted after /api. `webDist` is a folder holding index.html, or null
 * (API only: just robots.txt and favicon.ico).
 */
export function webApp(webDist: string | null): Router {
  const router = express.Router();
  // Only here, never on /api: the API's answers are small JSON. Best compression: the few files
  // are cached for a year after one download, and it is the size bench/ measures (gzip -9).
  router.use(compression({ level: zlib.Z_BEST_COMPRESSION }));
  if (!webDist) {
    siteFiles(router);
    return router;
  }

  const assetsDir = join(webDist, 'assets') + sep;
  router.use(
    express.static(webDist, {
      index: false,
      // Whole files only, so compression never meets a partial (206) answer.
      acceptRanges: false,
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', path.startsWith(assetsDir) ? IMMUTABLE : REVALIDATE);
      },
    }),
  );
  siteFiles(router);

  // A handover link's page: its own small entry, so the wizard's first page carries none of it.
  const handoverHtml = join(webDist, 'handover.html');
  router.get('/handover/:id', (_req, res, next) => {
    if (!existsSync(handoverHtml)) return next();
    res.setHeader('Cache-Control', REVALIDATE);
    res.setHeader('X-Robots-Tag', 'noindex');
    res.sendFile(handoverHtml);
  });

  // The SPA's routes (the wizard's steps) all load index.html; a file that is not there is a 404,
  // not a page a script tag or an image would choke on.
  const indexHtml = join(webDist, 'index.html');
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return notFound(req, res, next);
    if (isAsset(req.path) || namesAFile(req.path)) return notFound(req, res, next);
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(indexHtml);
  });
  return router;
}
