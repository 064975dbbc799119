// b2_authorize_account's two answer shapes. v2 is flat with one `allowed` bucket; v4 groups by
// API suite and lists the allowed buckets (docs/b2-behaviour.md "API versions").
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { B2Authorization } from './b2-types';
import { readAnswer } from './read-answer';

/** The versions we authorize on: v2 first (Partner-API accounts need it), v4 for newer keys. */
export type AuthorizeVersion = 'v2' | 'v4';

const v2Answer = z.object({
  accountId: z.string(),
  authorizationToken: z.string(),
  apiUrl: z.string(),
  downloadUrl: z.string().optional(),
  s3ApiUrl: z.string().optional().default(''),
  allowed: z
    .object({
      bucketId: z.string().nullable().optional(),
      bucketName: z.string().nullable().optional(),
      capabilities: z.array(z.string()),
      namePrefix: z.string().nullable().optional(),
    })
    .optional(),
});

const v4Answer = z.object({
  accountId: z.string(),
  authorizationToken: z.string(),
  apiInfo: z.object({
    storageApi: z.object({
      apiUrl: z.string(),
      downloadUrl: z.string().optional(),
      s3ApiUrl: z.string().optional().default(''),
      allowed: z
        .object({
          buckets: z
            .array(z.object({ id: z.string(), name: z.string().nullable().optional() }))
            .nullable()
            .optional(),
          capabilities: z.array(z.string()),
          namePrefix: z.string().nullable().optional(),
        })
        .optional(),
    }),
  }),
});

/** Old master key IDs equal the account ID; new ones are a cluster id + account ID + 10 zeros. */
export function isMasterKeyId(applicationKeyId: string, accountId: string): boolean {
  return (
    applicationKeyId === accountId ||
    (applicationKeyId.length === 3 + accountId.length + 10 &&
      applicationKeyId.endsWith(`${accountId}0000000000`))
  );
}

export interface AuthorizeResult {
  authorization: B2Authorization;
  /** Where the other calls go, and the token they carry. */
  apiUrl: string;
  downloadUrl: string;
  authorizationToken: string;
}

/** Capability names we do not know pass through untouched: B2 adds new ones over time. */
export function readAuthorization(
  data: unknown,
  version: AuthorizeVersion,
  applicationKeyId: string,
): AuthorizeResult {
  const call = 'b2_authorize_account';
  if (version === 'v2') {
    const answer = readAnswer(v2Answer, data, call);
    const allowed = answer.allowed;
    return {
      authorization: {
        accountId: answer.accountId,
        applicationKeyId,
        isMasterKey: isMasterKeyId(applicationKeyId, answer.accountId),
        capabilities: allowed?.capabilities ?? [],
        bucketId: allowed?.bucketId ?? null,
        bucketName: allowed?.bucketName ?? null,
        namePrefix: allowed?.namePrefix ?? null,
        s3ApiUrl: answer.s3ApiUrl,
      },
      apiUrl: answer.apiUrl,
      downloadUrl: answer.downloadUrl ?? '',
      authorizationToken: answer.authorizationToken,
    };
  }
  const answer = readAnswer(v4Answer, data, call);
  const storage = answer.apiInfo.storageApi;
  const allowed = storage.allowed;
  // The wizard works with one bucket; a key for several shows the first (multi-bucket is later work).
  const first = allowed?.buckets?.[0];
  return {
    authorization: {
      accountId: answer.accountId,
      applicationKeyId,
      isMasterKey: isMasterKeyId(applicationKeyId, answer.accountId),
      capabilities: allowed?.capabilities ?? [],
      bucketId: first?.id ?? null,
      bucketName: first?.name ?? null,
      namePrefix: allowed?.namePrefix ?? null,
      s3ApiUrl: storage.s3ApiUrl,
    },
    apiUrl: storage.apiUrl,
    downloadUrl: storage.downloadUrl ?? '',
    authorizationToken: answer.authorizationToken,
  };
}

/** A key, and the authorize version it answered on: a re-authorization goes straight there. */
export interface AuthorizingKey {
  readonly applicationKeyId: string;
  version: AuthorizeVersion;
}

/**
 * Authorizes on v2; keys made through v4 for a bucket are refused by v1-v3 authorize, so those
 * authorize on v4, whose token the other (v2) calls accept (docs/b2-behaviour.md "API versions").
 */
export async function authorizeAccount(
  key: AuthorizingKey,
  authorizeOn: (version: AuthorizeVersion) => Promise<unknown>,
): Promise<AuthorizeResult> {
  let data: unknown;
  if (key.version === 'v2') {
    try {
      data = await authorizeOn('v2');
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'unsupported')) throw error;
      key.version = 'v4';
    }
  }
  if (key.version === 'v4') data = await authorizeOn('v4');
  return readAuthorization(data, key.version, key.applicationKeyId);
}
