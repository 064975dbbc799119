/** One file version at a time: b2_hide_file, b2_delete_file_version and b2_get_file_info. */
import {
  accountCaller,
  callerAndBucket,
  hasCapability,
  requireBucket,
  requireCapability,
  requireNamePrefix,
} from '../auth';
import { fileJson } from '../answers';
import type { CallContext, Reply } from '../context';
import { B2Error, notFound } from '../errors';
import { lockedAgainstDelete } from '../rules/retention';

export function hideFile(ctx: CallContext): Reply {
  const { params: p, state } = ctx;
  const { caller, bucket } = callerAndBucket(ctx, 'writeFiles');
  const fileName = p.requiredString('fileName');
  requireNamePrefix(caller, fileName);
  const latest = state.latestVersion(bucket.bucketId, fileName);
  if (!latest) throw new B2Error(400, 'no_such_file', `File not present: ${fileName}`);
  if (latest.action === 'hide')
    throw new B2Error(400, 'already_hidden', `File already hidden: ${fileName}`);
  const marker = state.addHideMarker(bucket, fileName);
  return { json: fileJson(marker, caller) };
}

export function deleteFileVersion(ctx: CallContext): Reply {
  const { params: p, state } = ctx;
  const caller = accountCaller(ctx);
  requireCapability(caller, 'deleteFiles');
  const fileName = p.requiredString('fileName');
  const fileId = p.requiredString('fileId');
  const bypass = p.bool('bypassGovernance') === true;
  if (bypass) requireCapability(caller, 'bypassGovernance');
  const file = state.files.get(fileId);
  if (!file || file.fileName !== fileName || file.accountId !== caller.key.accountId) {
    throw new B2Error(400, 'file_not_present', `File not present: ${fileName} ${fileId}`);
  }
  requireBucket(caller, file.bucketId);
  requireNamePrefix(caller, fileName);
  const locked = lockedAgainstDelete(file.fileRetention, state.now(), {
    asked: bypass,
    allowed: hasCapability(caller, 'bypassGovernance'),
  });
  if (locked) throw locked;
  state.files.delete(fileId);
  return { json: { fileId, fileName } };
}

export function getFileInfo(ctx: CallContext): Reply {
  const caller = accountCaller(ctx);
  requireCapability(caller, 'readFiles');
  const fileId = ctx.params.requiredString('fileId');
  const file = ctx.state.files.get(fileId);
  if (!file || file.accountId !== caller.key.accountId)
    throw notFound(`File not present: ${fileId}`);
  requireBucket(caller, file.bucketId);
  requireNamePrefix(caller, file.fileName);
  return { json: fileJson(file, caller) };
}
