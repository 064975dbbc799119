// One key's sign-in: the backblaze-b2 client carrying its token, the plain B2Login behind it, and
// its renewal. A connection is built from a fresh sign-in (connect) or from a stored B2Login
// (resume), so any process can pick up a session another one started.
//
// backblaze-b2 keeps ONE module-wide axios instance, replaced by every `new B2()`. So nothing
// per-session may live on it: each B2 instance holds only its own token and apiUrl, and every
// per-call setting (authorize URL, timeout, User-Agent, no library retries) travels in that
// call's axiosOverride. The first instance installs the shared axios instance (b2Client); nothing
// else in the process may call `new B2()` with other options.
import B2 from 'backblaze-b2';
import type { AxiosOverride } from 'backblaze-b2';
import { nativeTransport } from './native-transport';
import { authorizeAccount, type AuthorizeVersion, type AuthorizingKey } from './authorize-answer';
import { callWithRetry, type CallContext } from './call-with-retry';
import { TokenRenewal } from './reauthorization';
import type { B2Login } from './b2-types';

export type ClientSettings = CallContext & { timeoutMs: number; userAgent: string };

/** The key a connection signs in with, before B2 has answered. */
export type SignIn = Pick<B2Login, 'baseUrl' | 'applicationKeyId' | 'applicationKey'>;

let axiosInstalled = false;
/** Every native call's transport (native-transport.ts). */
const transport = nativeTransport();

/**
 * A backblaze-b2 client for one key. Only the first is made with `new B2()`: its constructor
 * sets the key's fields and builds a new module-wide axios instance, always the same one, as every
 * client is made with the same options (retries: 0 turns axios-retry off: callWithRetry is the one
 * retry policy). Later clients get the fields alone, not a rebuilt axios per request.
 */
function b2Client(key: Pick<SignIn, 'applicationKeyId' | 'applicationKey'>): B2 {
  const fields = { applicationKeyId: key.applicationKeyId, applicationKey: key.applicationKey };
  if (!axiosInstalled) {
    axiosInstalled = true;
    return new B2({ ...fields, retry: { retries: 0 } });
  }
  return Object.assign(Object.create(B2.prototype) as B2, {
    ...fields,
    accountId: null,
    authorizationToken: null,
    apiUrl: null,
    downloadUrl: null,
  });
}

export class SignedInClient {
  readonly client: B2;
  readonly renewal = new TokenRenewal(() => this.authorize());
  private state: B2Login | null = null;
  private readonly key: AuthorizingKey;
  private readonly authorizeBase: string;

  constructor(
    private readonly signIn: SignIn,
    private readonly settings: ClientSettings,
    private readonly onRenewed?: (login: B2Login) => void,
  ) {
    this.authorizeBase = signIn.baseUrl.replace(/\/+$/, '');
    this.key = { applicationKeyId: signIn.applicationKeyId, version: 'v2' };
    this.client = b2Client(signIn);
  }

  /** A copy: the caller may keep it, and a renewal never changes it under them. */
  get login(): B2Login {
    if (!this.state) throw new Error('The connection has not signed in yet.');
    return { ...this.state, authorization: { ...this.state.authorization } };
  }

  /** Takes up a sign-in made earlier (maybe by another process): no call to B2. */
  resume(login: B2Login): void {
    this.key.version = login.version;
    this.use(login);
  }

  /** On v2, or on v4 for a key v1-v3 refuse (docs/b2-behaviour.md "API versions"). */
  async authorize(): Promise<void> {
    const renewing = this.state !== null;
    const answer = await authorizeAccount(this.key, (version) => this.authorizeOn(version));
    this.use({
      baseUrl: this.signIn.baseUrl,
      applicationKeyId: this.signIn.applicationKeyId,
      applicationKey: this.signIn.applicationKey,
      version: this.key.version,
      ...answer,
    });
    if (renewing) this.onRenewed?.(this.login);
  }

  /** Everything per-call; never stored on the shared axios instance. */
  override(extra: AxiosOverride = {}): AxiosOverride {
    return {
      timeout: this.settings.timeoutMs,
      maxRedirects: 0,
      'axios-retry': { retries: 0 },
      adapter: transport,
      ...extra,
      headers: { 'User-Agent': this.settings.userAgent, ...extra.headers },
    };
  }

  private use(login: B2Login): void {
    // backblaze-b2 reads only the flat v2 answer: give it what the v4 one holds.
    this.client.authorizationToken = login.authorizationToken;
    this.client.apiUrl = login.apiUrl;
    this.client.downloadUrl = login.downloadUrl;
    this.client.accountId = login.authorization.accountId;
    this.state = login;
    this.renewal.generation += 1;
  }

  /**
   * backblaze-b2 speaks v2 and hard-codes only the authorize URL, so we set it. Never wrapped in
   * a re-authorization: a refusal here is about the key itself.
   */
  private async authorizeOn(version: AuthorizeVersion): Promise<unknown> {
    const url = `${this.authorizeBase}/b2api/${version}/b2_authorize_account`;
    const send = () => this.client.authorize({ axiosOverride: this.override({ url }) });
    const call = { name: 'b2_authorize_account', send, idempotent: true, authorizing: true };
    return (await callWithRetry(call, this.settings)).value?.data;
  }
}
