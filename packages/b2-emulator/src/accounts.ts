/**
 * Practice accounts: POST /__emulator/accounts makes an account of its own, with its own master
 * key, so sandbox users never see each other's buckets. The oldest go once there are too many.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { B2Error } from './errors';
import { newSecret } from './ids';
import { DEMO_ACCOUNT_ID, OTHER_ACCOUNT_ID, type State } from './state';

export const MAX_PRACTICE_ACCOUNTS = 500;

export interface NewAccount {
  accountId: string;
  applicationKeyId: string;
  applicationKey: string;
}

export function newAccount(state: State): NewAccount {
  const accountId = randomBytes(6).toString('hex');
  // A new-style master key id: "<cluster><accountId>0000000000".
  const applicationKeyId = `${state.cluster}${accountId}0000000000`;
  const applicationKey = newSecret(state.cluster, 'base64');
  state.addAccount(accountId, applicationKeyId, applicationKey, false);
  const practice = state.accounts.filter(
    (a) => !a.isDemo && a.accountId !== OTHER_ACCOUNT_ID && a.accountId !== DEMO_ACCOUNT_ID,
  );
  for (const old of practice.slice(0, Math.max(0, practice.length - MAX_PRACTICE_ACCOUNTS))) {
    removeAccount(state, old.accountId);
  }
  return { accountId, applicationKeyId, applicationKey };
}

/** Forgets an account with everything it holds. */
export function removeAccount(state: State, accountId: string): void {
  state.accounts = state.accounts.filter((a) => a.accountId !== accountId);
  for (const [id, key] of state.keys) if (key.accountId === accountId) state.keys.delete(id);
  for (const [id, token] of state.tokens)
    if (token.accountId === accountId) state.tokens.delete(id);
  for (const [id, bucket] of state.buckets)
    if (bucket.accountId === accountId) state.buckets.delete(id);
  for (const [id, file] of state.files) if (file.accountId === accountId) state.files.delete(id);
  for (const [id, upload] of state.multipartUploads) {
    if (upload.accountId === accountId) state.multipartUploads.delete(id);
  }
}

/** The admin token check of the accounts route (constant time). */
export function requireAdminToken(expected: string | null, header: string | undefined): void {
  if (expected === null) return;
  const given = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const wanted = Buffer.from(expected);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    throw new B2Error(401, 'unauthorized', 'this route needs the emulator admin token');
  }
}
