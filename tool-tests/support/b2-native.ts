// B2's native API with plain fetch, for values that only a native client uses (JetBackup's sheet,
// b2-credentials.env): authorize with them, upload and list, as such a client would.
import { createHash } from 'node:crypto';

export interface NativeAnswer {
  status: number;
  body: Record<string, unknown>;
}

async function json(res: Response): Promise<NativeAnswer> {
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export async function authorizeAccount(
  apiBase: string,
  keyId: string,
  key: string,
): Promise<NativeAnswer> {
  const basic = Buffer.from(`${keyId}:${key}`).toString('base64');
  return json(
    await fetch(`${apiBase}/b2api/v3/b2_authorize_account`, {
      headers: { Authorization: `Basic ${basic}` },
    }),
  );
}

export interface NativeSession {
  apiUrl: string;
  token: string;
  allowed: {
    buckets?: unknown;
    bucketId?: string | null;
    bucketName?: string | null;
    capabilities: string[];
    namePrefix: string | null;
  };
  call(name: string, body: Record<string, unknown>): Promise<NativeAnswer>;
}

/** Authorizes (v3) and returns a session; throws with B2's answer when it is refused. */
export async function nativeSession(
  apiBase: string,
  keyId: string,
  key: string,
): Promise<NativeSession> {
  const auth = await authorizeAccount(apiBase, keyId, key);
  if (auth.status !== 200)
    throw new Error(`b2_authorize_account: ${auth.status} ${JSON.stringify(auth.body)}`);
  const storage = (auth.body.apiInfo as { storageApi: Record<string, unknown> }).storageApi;
  const apiUrl = String(storage.apiUrl);
  const token = String(auth.body.authorizationToken);
  return {
    apiUrl,
    token,
    allowed: storage as unknown as NativeSession['allowed'],
    call: async (name, body) =>
      json(
        await fetch(`${apiUrl}/b2api/v3/${name}`, {
          method: 'POST',
          headers: { Authorization: token, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ),
  };
}

/** b2_get_upload_url + b2_upload_file, as every native client uploads. */
export async function uploadFile(
  session: NativeSession,
  bucketId: string,
  fileName: string,
  data: string,
): Promise<NativeAnswer> {
  const target = await session.call('b2_get_upload_url', { bucketId });
  if (target.status !== 200) return target;
  return json(
    await fetch(String(target.body.uploadUrl), {
      method: 'POST',
      headers: {
        Authorization: String(target.body.authorizationToken),
        'X-Bz-File-Name': fileName.split('/').map(encodeURIComponent).join('/'),
        'Content-Type': 'text/plain',
        'X-Bz-Content-Sha1': createHash('sha1').update(data).digest('hex'),
      },
      body: data,
    }),
  );
}
