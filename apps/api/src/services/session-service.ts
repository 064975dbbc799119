// Sessions: server memory holds each session's authorized B2 connection and its apply results.
// The store is an interface so a shared store (e.g. Redis) can replace the in-memory one later.
import { randomBytes } from 'node:crypto';
import {
  missingWizardCapabilities,
  s3EndpointFromUrl,
  type AccountSummary,
  type ConnectRequest,
} from '@b2wiz/shared';
import type { B2Connection, B2Gateway } from '../b2/b2-types';
import type { Clock } from '../clock';
import type { AppConfig } from '../config';
import { AppError } from '../errors/app-error';
import type { ApplyRecord } from './setup/apply-record';

export interface Session {
  readonly id: string;
  readonly connection: B2Connection;
  readonly summary: AccountSummary;
  /**
   * Apply attempts and results by idempotencyKey: a replay makes no B2 call (docs/architecture.md
   * "One apply, end to end").
   */
  readonly applies: Map<string, ApplyRecord>;
  lastSeenAt: number;
  /** Work in progress keeps a session alive. */
  busy: number;
}

export interface SessionStore {
  create(init: { connection: B2Connection; summary: AccountSummary }): Session;
  /** The live session, its idle timer restarted; undefined when unknown or idle too long. */
  get(id: string): Session | undefined;
  delete(id: string): boolean;
  /** Forgets every session idle too long; answers how many. */
  sweep(): number;
  size(): number;
}

export class InMemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly idleMs: number,
    private readonly clock: Clock,
  ) {}

  create(init: { connection: B2Connection; summary: AccountSummary }): Session {
    const session: Session = {
      id: randomBytes(32).toString('base64url'),
      connection: init.connection,
      summary: init.summary,
      applies: new Map(),
      lastSeenAt: this.clock.now(),
      busy: 0,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  private expired(session: Session): boolean {
    return session.busy === 0 && this.clock.now() - session.lastSeenAt > this.idleMs;
  }

  get(id: string): Session | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (this.expired(session)) {
      this.sessions.delete(id);
      return undefined;
    }
    session.lastSeenAt = this.clock.now();
    return session;
  }

  delete(id: string): boolean {
    return this.sessions.delete(id);
  }

  sweep(): number {
    let forgotten = 0;
    for (const [id, session] of this.sessions) {
      if (this.expired(session)) {
        this.sessions.delete(id);
        forgotten += 1;
      }
    }
    return forgotten;
  }

  size(): number {
    return this.sessions.size;
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
export async function connect(
  gateway: B2Gateway,
  config: AppConfig,
  request: ConnectRequest,
): Promise<{ connection: B2Connection; summary: AccountSummary }> {
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
    connection = await gateway.connect({
      baseUrl: config.sandbox.apiUrl,
      applicationKeyId: config.sandbox.masterKeyId,
      applicationKey: config.sandbox.masterKey,
    });
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
  return { connection, summary };
}
