// Sessions: connect a key, open the session of a request (its B2 connection rebuilt from the
// stored sign-in), and end it with its apply records. The store holds plain data only
// (session-store.ts), so any process can serve any session.
import {
  missingWizardCapabilities,
  s3EndpointFromUrl,
  type AccountSummary,
  type ConnectRequest,
} from '@b2wiz/shared';
import type { B2Connection, B2Gateway, B2Login } from '../b2/b2-types';
import { newPracticeAccount } from '../b2/practice-accounts';
import type { AppConfig } from '../config';
import { AppError } from '../errors/app-error';
import type { Logger, RequestContext } from '../logging/logger';
import type { ApplyRecords } from './setup/apply-records';
import type { Session, SessionStore } from './session-store';

/**
 * A session while one request uses it: its summary, a live connection to B2, and the gateway and
 * logger of that request (each B2 call event and log line carries the request's id).
 */
export interface OpenSession {
  readonly id: string;
  readonly summary: AccountSummary;
  readonly connection: B2Connection;
  readonly gateway: B2Gateway;
  readonly log: Logger;
}

export interface SessionServiceDeps {
  config: AppConfig;
  gateway: B2Gateway;
  sessions: SessionStore;
  records: ApplyRecords;
}

/** Rebuilt connections this process keeps, so a busy session does not rebuild one per request. */
const MAX_CACHED_CONNECTIONS = 1000;

export class SessionService {
  /** By session id, oldest use first. */
  private readonly connections = new Map<string, B2Connection>();

  constructor(private readonly deps: SessionServiceDeps) {}

  /** The live connection of a stored sign-in: this process's own while the token is the same. */
  private connectionOf(session: Session): B2Connection {
    let connection = this.connections.get(session.id);
    this.connections.delete(session.id);
    // A token renewed by another process means a rebuild (this one may have renewed it itself).
    if (!connection || connection.login.authorizationToken !== session.login.authorizationToken) {
      connection = this.deps.gateway.resume(session.login, (login) => {
        // Not kept (store away): the next request signs in again with the stored key.
        this.deps.sessions.saveLogin(session.id, login).catch(() => undefined);
      });
    }
    this.connections.set(session.id, connection);
    for (const oldest of this.connections.keys()) {
      if (this.connections.size <= MAX_CACHED_CONNECTIONS) break;
      this.connections.delete(oldest);
    }
    return connection;
  }

  /** Authorizes the key, ends the caller's previous session, and starts a new one. */
  async start(
    request: ConnectRequest,
    previousId: string | undefined,
    context: RequestContext,
  ): Promise<Session> {
    const gateway = this.deps.gateway.forRequest(context.requestId);
    const { login, summary } = await connect(gateway, this.deps.config, request);
    if (previousId) await this.end(previousId);
    return this.deps.sessions.create({ login, summary });
  }

  /** The session behind an id with its connection, or undefined when unknown or expired. */
  async open(id: string, context: RequestContext): Promise<OpenSession | undefined> {
    const session = await this.deps.sessions.get(id);
    if (!session) {
      this.connections.delete(id);
      return undefined;
    }
    const { requestId, log } = context;
    return {
      id,
      summary: session.summary,
      connection: this.connectionOf(session).forRequest(requestId),
      gateway: this.deps.gateway.forRequest(requestId),
      log,
    };
  }

  async end(id: string): Promise<void> {
    this.connections.delete(id);
    await this.deps.sessions.delete(id);
    await this.deps.records.forget(id);
  }

  /** Forgets idle sessions and their records; answers how many. */
  async sweep(): Promise<number> {
    const forgotten = await this.deps.sessions.sweep();
    for (const id of forgotten) {
      this.connections.delete(id);
      await this.deps.records.forget(id);
    }
    return forgotten.length;
  }
}

/** B2's endpoint and region; for other hosts (B2_API_URL at an emulator) a looser reading. */
function endpointOf(
  s3ApiUrl: string,
  fallbackRegion: string,
): { s3Endpoint: string; s3Region: string } {
  const parsed = s3EndpointFromUrl(s3ApiUrl);
  if (parsed.ok) return { s3Endpoint: parsed.endpointUrl, s3Region: parsed.region };
  let region: string | undefined;
  try {
    region = /^s3\.([a-z0-9-]+)\./.exec(new URL(s3ApiUrl).hostname)?.[1];
  } catch {
    // not a URL: the config-file check will say so
  }
  return { s3Endpoint: s3ApiUrl.replace(/\/+$/, ''), s3Region: region ?? fallbackRegion };
}

/** b2_authorize_account with the user's key (or the sandbox's), and what the user must know. */
async function connect(
  gateway: B2Gateway,
  config: AppConfig,
  request: ConnectRequest,
): Promise<{ login: B2Login; summary: AccountSummary }> {
  let connection: B2Connection;
  let endpoint: { s3Endpoint: string; s3Region: string };
  const sandbox = 'sandbox' in request;
  if (sandbox) {
    if (!config.sandbox) {
      throw new AppError(
        403,
        'sandbox_off',
        'The practice sandbox is turned off on this server. Connect with your own application key.',
      );
    }
    // An account of its own when the sandbox can make one; else the shared demo account.
    const key = config.sandbox.accountsToken
      ? await newPracticeAccount(config.sandbox.apiUrl, config.sandbox.accountsToken)
      : { applicationKeyId: config.sandbox.masterKeyId, applicationKey: config.sandbox.masterKey };
    connection = await gateway.connect({ baseUrl: config.sandbox.apiUrl, ...key });
    endpoint = { s3Endpoint: config.sandbox.s3ApiUrl, s3Region: config.sandbox.region };
  } else {
    connection = await gateway.connect({
      baseUrl: config.b2ApiUrl,
      applicationKeyId: request.applicationKeyId,
      applicationKey: request.applicationKey,
    });
    endpoint = endpointOf(connection.authorization.s3ApiUrl, config.fallbackS3Region);
  }
  const auth = connection.authorization;
  const summary: AccountSummary = {
    accountId: auth.accountId,
    isMasterKey: auth.isMasterKey,
    capabilities: auth.capabilities,
    missingCapabilities: missingWizardCapabilities(auth.capabilities),
    restrictedBucket: auth.bucketId
      ? { bucketId: auth.bucketId, bucketName: auth.bucketName }
      : null,
    namePrefix: auth.namePrefix,
    s3Endpoint: endpoint.s3Endpoint,
    s3Region: endpoint.s3Region,
    sandbox,
  };
  return { login: connection.login, summary };
}
