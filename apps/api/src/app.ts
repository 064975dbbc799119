// createApp(deps): the Express app, apart from listen, so tests drive it over real HTTP.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { Store } from 'express-rate-limit';
import type { Health } from '@b2wiz/shared';
import type { B2Gateway } from './b2/b2-types';
import type { Clock } from './clock';
import type { AppConfig } from './config';
import { checkJsonBody, refuseUnexpectedBody } from './http/body-guard';
import { csrfProtection } from './http/csrf';
import { apiNotFound, errorMiddleware } from './http/error-middleware';
import { jsonBody } from './http/json-body';
import { requestLogger } from './http/request-log';
import type { Logger } from './logging/logger';
import { noStore, securityHeaders } from './http/security-headers';
import { webApp } from './http/web-app';
import { bucketRouter } from './routes/bucket-router';
import { handoverRouter } from './routes/handover-router';
import { keysRouter } from './routes/keys-router';
import { sessionRouter } from './routes/session-router';
import { setupRouter } from './routes/setup-router';
import { setupsRouter } from './routes/setups-router';
import { HandoverService } from './services/handover-service';
import { InMemoryHandoverStore, type HandoverStore } from './services/handover-store';
import { KeyReplaceService } from './services/key-replace-service';
import { KeysService } from './services/keys-service';
import { renderFiles as defaultRenderFiles, type RenderFiles } from './services/render-files';
import { SessionService } from './services/session-service';
import type { SessionStore } from './services/session-store';
import { InMemoryApplyLocks, type ApplyLocks } from './services/setup/apply-locks';
import { InMemoryApplyRecords, type ApplyRecords } from './services/setup/apply-records';
import { SetupService } from './services/setup-service';
import { SetupsService } from './services/setups-service';

export interface AppDeps {
  config: AppConfig;
  b2: B2Gateway;
  sessions: SessionStore;
  /** Apply records and their locks; in this process's memory unless given. */
  records?: ApplyRecords;
  locks?: ApplyLocks;
  /** The connect rate limit's counts, shared by every instance when Redis is on. */
  rateLimitStore?: Store;
  /** Handover links, kept apart from sessions; in this process's memory unless given. */
  handovers?: HandoverStore;
  /** The handover read limit's counts (a store of its own: one store per limiter). */
  handoverRateLimitStore?: Store;
  /** The sessions' idle clock lives in the store; kept here for anything else that tells time. */
  clock: Clock;
  logger: Logger;
  renderFiles?: RenderFiles;
}

export type App = Express & {
  /** Resolves once no apply is running (graceful shutdown). */
  drain(): Promise<void>;
  /** Forgets idle sessions and their apply records; answers how many. */
  sweep(): Promise<number>;
};

export function createApp(deps: AppDeps): App {
  const { config, b2, logger } = deps;
  const records = deps.records ?? new InMemoryApplyRecords(config.maxAppliesPerSession);
  const sessions = new SessionService({ config, gateway: b2, sessions: deps.sessions, records });
  const handovers = new HandoverService({
    store: deps.handovers ?? new InMemoryHandoverStore(deps.clock),
    clock: deps.clock,
  });
  const locks = deps.locks ?? new InMemoryApplyLocks();
  const renderFiles = deps.renderFiles ?? defaultRenderFiles;
  const setup = new SetupService({
    config,
    renderFiles,
    sessions: deps.sessions,
    records,
    locks,
    clock: deps.clock,
  });
  const setups = new SetupsService({ config, records, locks });
  const keys = new KeysService({ records });
  const replace = new KeyReplaceService({
    config,
    renderFiles,
    records,
    locks,
    clock: deps.clock,
  });

  const app = express();
  app.disable('x-powered-by');
  // API answers are never cached (no-store), so hashing each one for an ETag is wasted work;
  // the built web files get theirs from the static server.
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders());
  app.use(requestLogger(logger));

  const api = express.Router();
  api.use(noStore);
  api.use(refuseUnexpectedBody());
  api.get('/health', (_req, res) => {
    const health: Health = { ok: true, sandbox: config.sandbox !== null };
    res.json(health);
  });
  // Readiness: only when the session store answers (a load balancer stops sending work otherwise).
  api.get('/ready', async (_req, res) => {
    const ready = await deps.sessions.ready();
    res.status(ready ? 200 : 503).json({ ready });
  });
  api.use(csrfProtection());
  api.use(jsonBody(config.bodyLimitBytes));
  api.use(checkJsonBody());
  api.use('/session', sessionRouter({ config, sessions, rateLimitStore: deps.rateLimitStore }));
  api.use('/buckets', bucketRouter({ sessions }));
  api.use('/setup', setupRouter({ sessions, setup }));
  api.use('/setups', setupsRouter({ sessions, setups }));
  api.use('/keys', keysRouter({ sessions, keys, replace }));
  api.use(
    '/handovers',
    handoverRouter({
      config,
      sessions,
      handovers,
      ...(deps.handoverRateLimitStore ? { rateLimitStore: deps.handoverRateLimitStore } : {}),
    }),
  );
  api.use(apiNotFound);
  app.use('/api', api);

  const webDist =
    config.webDist && existsSync(join(config.webDist, 'index.html')) ? config.webDist : null;
  app.use(webApp(webDist));

  app.use(errorMiddleware(logger));
  return Object.assign(app, { drain: () => setup.drain(), sweep: () => sessions.sweep() });
}
