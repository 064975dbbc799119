// The plan: every B2 change a request would make, in plain words, with its warnings. It writes
// nothing; it reads the account's buckets to say what an existing bucket has today.
import {
  ACCESS_LABELS,
  ENCRYPTION_TEXT,
  SETUP_SUMMARY_FILENAME,
  configFileNames,
  toolNameInSentence,
  TARGET_PRESETS,
  encryptionStatus,
  type ConfigValues,
  type Plan,
  type PlanStep,
  type PlanWarning,
  type SetupRequest,
  RETENTION_TEXT,
  multiBucketKeyWarning,
  retentionWords,
} from '@b2wiz/shared';
import { checkRenderable, type RenderFiles } from '../render-files';
import type { OpenSession } from '../session-service';
import { bucketTakenByYou, existingBucket, ownBucketNamed } from './bucket-step';
import { neededCapabilities, requireCapabilities } from './capability-check';
import { bucketNameList, readExtraBuckets } from './extra-buckets';
import { describeCors, describeLifecycle, desiredRules, keyInput } from './request-reading';
import { retentionOf, retentionPlanStep } from './retention-step';
import { rulesMatch } from './rule-match';
import { OBJECT_LOCK_PERMANENT, accessWarning, ruleChangeWarnings } from './rule-warnings';

export function endpointOf(session: OpenSession): ConfigValues['endpoint'] {
  return { s3Endpoint: session.summary.s3Endpoint, s3Region: session.summary.s3Region };
}

export async function buildPlan(
  renderFiles: RenderFiles,
  session: OpenSession,
  request: SetupRequest,
): Promise<Plan> {
  const conn = session.connection;
  checkRenderable(renderFiles, request, endpointOf(session));
  const steps: PlanStep[] = [];
  const warnings: PlanWarning[] = [];
  let bucketName: string;

  if (request.bucket.mode === 'create') {
    requireCapabilities(session, neededCapabilities(request, true));
    bucketName = request.bucket.name;
    const desired = desiredRules(request);
    const own = await ownBucketNamed(conn, bucketName);
    if (own) throw bucketTakenByYou(bucketName);
    const type = request.bucket.type === 'allPublic' ? 'public' : 'private';
    steps.push({
      kind: 'createBucket',
      title: `Create the ${type} bucket “${bucketName}”`,
      details: [
        ENCRYPTION_TEXT.alwaysOnNamed,
        request.bucket.objectLock
          ? 'Object Lock: on. It can never be turned off for this bucket.'
          : 'Object Lock: off.',
        ...(request.bucket.retention
          ? [`Retention: ${retentionWords(request.bucket.retention)}, set after the key check.`]
          : []),
        describeLifecycle(request),
        describeCors(request),
      ],
      call: 'b2_create_bucket',
      proposed: desired,
    });
    if (request.bucket.encryption === false) {
      warnings.push({
        code: 'encryption_always_on',
        field: 'bucket.encryption',
        message: ENCRYPTION_TEXT.offNotPossible,
      });
    }
    if (request.bucket.type === 'allPublic') {
      warnings.push({
        code: 'public_bucket',
        field: 'bucket.type',
        message:
          'Anyone who knows a file’s name can download it from a public bucket. Backblaze also needs a verified email address and a payment history before an account’s first public bucket.',
      });
    }
    if (request.bucket.objectLock) {
      warnings.push(
        request.bucket.retention
          ? {
              ...OBJECT_LOCK_PERMANENT,
              message: `${OBJECT_LOCK_PERMANENT.message} ${RETENTION_TEXT.cost}`,
            }
          : OBJECT_LOCK_PERMANENT,
      );
    }
  } else {
    const current = await existingBucket(conn, request.bucket.bucketId);
    bucketName = current.bucketName;
    const desired = desiredRules(request, current);
    const changes = !rulesMatch(current, desired);
    requireCapabilities(session, neededCapabilities(request, changes));
    const both = {
      current: { lifecycleRules: current.lifecycleRules, corsRules: current.corsRules },
      proposed: desired,
    };
    if (changes) {
      steps.push({
        kind: 'updateBucket',
        title: `Change the lifecycle and CORS rules of the bucket “${bucketName}”`,
        details: [
          describeLifecycle(request),
          describeCors(request),
          'Only these rules change; the bucket’s files, type and encryption stay as they are.',
          encryptionStatus(current.defaultServerSideEncryption),
        ],
        call: 'b2_update_bucket',
        ...both,
      });
      warnings.push(...ruleChangeWarnings(current, desired));
    } else {
      steps.push({
        kind: 'useBucket',
        title: `Use the bucket “${bucketName}” as it is`,
        details: [
          'Its lifecycle and CORS rules already match your choices; nothing changes.',
          encryptionStatus(current.defaultServerSideEncryption),
        ],
        call: null,
        ...both,
      });
    }
    if (current.fileLockEnabled) {
      warnings.push({
        code: 'object_lock_on',
        message: 'Object Lock is on for this bucket and cannot be turned off.',
      });
    }
  }

  const ownId = request.bucket.mode === 'existing' ? request.bucket.bucketId : null;
  const others = await readExtraBuckets(session, request, ownId);
  const key = keyInput(request, 'the-bucket');
  const access = ACCESS_LABELS[request.key.access];
  const narrow = accessWarning(request);
  if (narrow) warnings.push(narrow);
  if (others.length > 0) {
    warnings.push({
      code: 'key_for_several_buckets',
      field: 'key.extraBucketIds',
      message: multiBucketKeyWarning(),
    });
  }
  const reach = [bucketName, ...others.map((b) => b.bucketName)];
  steps.push({
    kind: 'createKey',
    title: `Create the application key “${request.key.name}”`,
    details: [
      !request.key.restrictToBucket
        ? 'It can reach every bucket in the account.'
        : others.length > 0
          ? `It can reach only the buckets ${bucketNameList(reach)}.`
          : `It can reach only the bucket “${bucketName}”.`,
      `Type of access: ${access.label} (${key.capabilities.join(', ')}).`,
      request.key.namePrefix
        ? `Only files whose names start with “${request.key.namePrefix}”.`
        : 'Every file in the bucket.',
      request.key.validDays
        ? `It stops working after ${request.key.validDays} days.`
        : 'It does not expire.',
      'Its secret is shown once, on the last page.',
    ],
    call: 'b2_create_key',
  });
  const writes = key.capabilities.includes('writeFiles');
  const usesS3 = TARGET_PRESETS[request.target].usesS3;
  steps.push({
    kind: 'checkKey',
    title: 'Check that the new key works',
    details: [
      'Sign in to Backblaze with the new key.',
      ...(usesS3
        ? [`Reach the bucket at the S3 endpoint ${session.summary.s3Endpoint} with the new key.`]
        : []),
      writes
        ? `Upload a tiny marker file with it${usesS3 ? ' over S3' : ''}, then delete the marker.`
        : 'This key cannot upload, so no file is written.',
    ],
    call: 'b2_authorize_account',
  });
  const retention = retentionOf(request);
  if (retention) steps.push(retentionPlanStep(retention));
  const files = configFileNames(request.target);
  steps.push({
    kind: 'generateFiles',
    title: `Prepare ${[...files, SETUP_SUMMARY_FILENAME].join(', ')}`,
    details: ['Made here from the values above; nothing is sent anywhere.'],
    call: null,
  });

  if (session.summary.isMasterKey && TARGET_PRESETS[request.target].usesS3) {
    warnings.push({
      code: 'master_key_not_for_s3',
      message: `The master application key cannot be used with S3 tools. ${TARGET_PRESETS[request.target].label} will use the new application key instead.`,
    });
  }
  if (!request.key.restrictToBucket) {
    warnings.push({
      code: 'key_not_restricted',
      field: 'key.restrictToBucket',
      message: 'The new key can reach every bucket in the account, not just this one.',
    });
  }
  if (request.key.validDays) {
    warnings.push({
      code: 'key_expires',
      field: 'key.validDays',
      message: `The new key stops working after ${request.key.validDays} days; then give ${toolNameInSentence(request.target)} a new one, or it stops working too.`,
    });
  }
  const held = session.summary.capabilities;
  if (!held.includes('listKeys') || !held.includes('deleteKeys')) {
    warnings.push({
      code: 'cannot_clean_up_keys',
      message:
        'The connected key cannot list or delete keys, so if creating the new key is interrupted, a spare unused key may stay in the account.',
    });
  }
  return { steps, warnings };
}
