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

/** What both answer shapes say, once read out of their place in the JSON. */
interface AuthorizeFields {
  accountId: string;
  authorizationToken: string;
  apiUrl: string;
  downloadUrl?: string | undefined;
  s3ApiUrl: string;
  capabilities: string[] | undefined;
  buckets: { id: string; name: string | null }[] | null;
  namePrefix: string | null | undefined;
}

function flatFields(data: unknown): AuthorizeFields {
  const answer = readAnswer(v2Answer, data, 'b2_authorize_account');
  const allowed = answer.allowed;
  return {
    ...answer,
    capabilities: allowed?.capabilities,
    buckets: allowed?.bucketId
      ? [{ id: allowed.bucketId, name: allowed.bucketName ?? null }]
      : null,
    namePrefix: allowed?.namePrefix,
  };
}

function groupedFields(data: unknown): AuthorizeFields {
  const answer = readAnswer(v4Answer, data, 'b2_authorize_account');
  const storage = answer.apiInfo.storageApi;
  const allowed = storage.allowed;
  const buckets = allowed?.buckets;
  return {
    ...answer,
    ...storage,
    capabilities: allowed?.capabilities,
    buckets: buckets ? buckets.map((b) => ({ id: b.id, name: b.name ?? null })) : null,
    namePrefix: allowed?.namePrefix,
  };
}

/** Capability names we do not know pass through untouched: B2 adds new ones over time. */
export function readAuthorization(
  data: unknown,
  version: AuthorizeVersion,
  applicationKeyId: string,
): AuthorizeResult {
  const fields = version === 'v2' ? flatFields(data) : groupedFields(data);
  return {
    authorization: {
      accountId: fields.accountId,
      applicationKeyId,
      isMasterKey: isMasterKeyId(applicationKeyId, fields.accountId),
      capabilities: fields.capabilities ?? [],
      // A key for several buckets shows the first here; `buckets` has them all.
      bucketId: fields.buckets?.[0]?.id ?? null,
      bucketName: fields.buckets?.[0]?.name ?? null,
      buckets: fields.buckets?.map((b) => ({ bucketId: b.id, bucketName: b.name })) ?? null,
      namePrefix: fields.namePrefix ?? null,
      s3ApiUrl: fields.s3ApiUrl,
    },
    apiUrl: fields.apiUrl,
    downloadUrl: fields.downloadUrl ?? '',
    authorizationToken: fields.authorizationToken,
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
