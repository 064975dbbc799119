// Round trips: the B2 calls a whole apply makes for each target (its defaults), counted by the
// emulator by call name, without and with the key check, beside the dashboard's way.
// Budget: the minimum, i.e. one authorize per session, one create_bucket that carries lifecycle,
// CORS and encryption, one create_key; the key check adds only its own authorize and one marker,
// over the API the target's tool uses: get_upload_url, upload_file and delete_file_version for a
// native tool, the S3 HEAD bucket, PUT and DELETE for an S3 tool. 4 calls for every target.
import {
  corsRulesFor,
  lifecycleRulesFor,
  TARGET_PRESETS,
  TARGETS,
  type CorsRule,
  type LifecycleRule,
  type SetupRequest,
  type Target,
} from '@b2wiz/shared';
import { apply, connect, startApi } from './lib/api';
import { runBench } from './lib/bench-results';
import { dashboardFlow } from './lib/direct-b2';
import { startEmulators, type EmulatorState } from './lib/emulators';
import { defaultRequest, parsed } from './lib/setup-requests';

/** Native calls that only the key check makes (by name); its authorize is counted apart. */
const KEY_CHECK_CALLS = new Set(['b2_get_upload_url', 'b2_upload_file', 'b2_delete_file_version']);
const isS3 = (call: string) => call.startsWith('s3_');

const APPLY_MINIMUM = 3; // session authorize + create_bucket + create_key
/** The new key's authorize + the marker's three calls (native, or S3 HEAD, PUT and DELETE). */
const KEY_CHECK_MINIMUM = 4;

interface Row {
  target: Target;
  sessionCalls: Record<string, number>;
  applyCalls: Record<string, number>;
  withoutCheck: number;
  /** Every call of the key check, its S3 calls included. */
  keyCheck: number;
  keyCheckMinimum: number;
  s3Probe: number;
  withCheck: number;
  minimumWithCheck: number;
  dashboard: number;
  dashboardSteps: string[];
  extra: string[];
}

/** The bucket as the emulator holds it carries the request's lifecycle and CORS, and SSE-B2. */
function checkBucket(
  target: Target,
  request: SetupRequest,
  buckets: EmulatorState['buckets'],
  name: string,
): void {
  const made = buckets.find((b) => b.bucketName === name);
  if (!made || request.bucket.mode !== 'create') throw new Error(`${target}: no bucket ${name}`);
  const lifecycle = (rules: unknown[]) =>
    JSON.stringify(
      (rules as LifecycleRule[]).map((r) => [
        r.fileNamePrefix,
        r.daysFromUploadingToHiding ?? null,
        r.daysFromHidingToDeleting ?? null,
      ]),
    );
  const cors = (rules: unknown[]) =>
    JSON.stringify(
      (rules as CorsRule[]).map((r) => [r.corsRuleName, r.allowedOrigins, r.allowedOperations]),
    );
  const problems = [
    lifecycle(made.lifecycleRules) !== lifecycle(lifecycleRulesFor(request.lifecycle)) &&
      'lifecycle',
    cors(made.corsRules) !== cors(corsRulesFor(request.cors)) && 'CORS',
    made.defaultServerSideEncryption.mode !== 'SSE-B2' && 'encryption',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(`${target}: the bucket's ${problems.join(', ')} differ from the request`);
  }
}

const sum = (counts: Record<string, number>, keep: (call: string) => boolean = () => true) =>
  Object.entries(counts).reduce((n, [call, c]) => n + (keep(call) ? c : 0), 0);

await runBench('round-trips', async (bench) => {
  const emulators = await startEmulators({ instances: 1, latencyMs: 0 });
  const api = await startApi({ b2ApiUrl: emulators.url });
  const master = emulators.instances[0]!;
  const masterKey = { applicationKeyId: master.masterKeyId, applicationKey: master.masterKey };
  const rows: Row[] = [];
  try {
    for (const target of TARGETS) {
      const request = defaultRequest(target);
      await emulators.reset();
      const session = await connect(api.url, masterKey);
      const sessionCalls = await emulators.calls();
      await emulators.resetCalls();
      const result = await apply(api.url, session, request);
      const applyCalls = await emulators.calls();

      // The rules and encryption must really be on the bucket, or fewer calls would prove nothing.
      checkBucket(
        target,
        parsed(request),
        (await emulators.state()).buckets,
        result.bucket.bucketName,
      );

      // Apply's own calls: everything but the key check's. The session's authorize came before,
      // so every authorize during the apply is the key check's.
      const s3Probe = sum(applyCalls, isS3);
      const keyCheck =
        sum(applyCalls, (c) => KEY_CHECK_CALLS.has(c)) +
        (applyCalls.b2_authorize_account ?? 0) +
        s3Probe;
      const withoutCheck = sum(sessionCalls) + sum(applyCalls) - keyCheck;
      const withCheck = sum(sessionCalls) + sum(applyCalls);
      // A key that may not write gets no marker: its authorize, and an S3 tool's HEAD.
      const writes = result.key.capabilities.includes('writeFiles');
      const keyCheckMinimum = writes
        ? KEY_CHECK_MINIMUM
        : 1 + (TARGET_PRESETS[target].usesS3 ? 1 : 0);
      const minimumWithCheck = APPLY_MINIMUM + keyCheckMinimum;

      const extra = Object.entries({ ...applyCalls })
        .filter(([call]) => !KEY_CHECK_CALLS.has(call) && !isS3(call))
        .flatMap(([call, n]) => {
          const expected =
            call === 'b2_create_bucket' || call === 'b2_create_key'
              ? 1
              : call === 'b2_authorize_account'
                ? 1
                : 0;
          return n > expected ? [`${call} x${n - expected}`] : [];
        });
      if ((sessionCalls.b2_authorize_account ?? 0) !== sum(sessionCalls)) {
        extra.push(`connect made ${JSON.stringify(sessionCalls)}`);
      }

      await emulators.reset();
      await emulators.resetCalls();
      const dashboardRequest = parsed(defaultRequest(target));
      const dashboardSteps = await dashboardFlow(emulators.url, masterKey, dashboardRequest);
      const dashboard = sum(await emulators.calls());
      if (dashboardRequest.bucket.mode === 'create') {
        // The same bucket the wizard made, so the two counts compare like with like.
        const name = dashboardRequest.bucket.name;
        checkBucket(target, dashboardRequest, (await emulators.state()).buckets, name);
      }

      rows.push({
        target,
        sessionCalls,
        applyCalls,
        withoutCheck,
        keyCheck,
        keyCheckMinimum,
        s3Probe,
        withCheck,
        minimumWithCheck,
        dashboard,
        dashboardSteps,
        extra,
      });
    }
  } finally {
    await api.close();
    await emulators.close();
  }

  console.log(
    '\n  target      | apply, no key check | key check (of it S3) | apply + key check | dashboard (no check)',
  );
  for (const r of rows) {
    console.log(
      `  ${r.target.padEnd(11)} | ${String(r.withoutCheck).padStart(4)} (min ${APPLY_MINIMUM})       | ${String(r.keyCheck).padStart(3)} (${r.s3Probe}) (min ${r.keyCheckMinimum})      | ${String(r.withCheck).padStart(4)} (min ${r.minimumWithCheck})     | ${r.dashboard}: ${r.dashboardSteps.join(', ')}`,
    );
    if (r.extra.length > 0) console.log(`    extra calls: ${r.extra.join(', ')}`);
  }
  console.log('  apply calls by name (after connect):');
  for (const r of rows) console.log(`    ${r.target}: ${JSON.stringify(r.applyCalls)}`);
  console.log('');

  for (const r of rows) {
    const label = TARGET_PRESETS[r.target].label;
    bench.add(
      `round trips ${r.target}: connect + apply, no key check`,
      r.withoutCheck,
      'calls',
      { op: '<=', limit: APPLY_MINIMUM },
      r.extra.length > 0 ? `extra: ${r.extra.join(', ')}` : `${label}; dashboard ${r.dashboard}`,
    );
    bench.add(
      `round trips ${r.target}: key check`,
      r.keyCheck,
      'calls',
      { op: '<=', limit: r.keyCheckMinimum },
      TARGET_PRESETS[r.target].usesS3 ? 'authorize + S3 marker' : 'authorize + native marker',
    );
    bench.add(
      `round trips ${r.target}: connect + apply + key check`,
      r.withCheck,
      'calls',
      { op: '<=', limit: r.minimumWithCheck },
      `key check: ${Object.entries(r.applyCalls)
        .filter(([c]) => KEY_CHECK_CALLS.has(c) || isS3(c) || c === 'b2_authorize_account')
        .map(([c, n]) => (n > 1 ? `${c} x${n}` : c))
        .join(', ')}`,
    );
    bench.add(
      `round trips ${r.target}: dashboard's way`,
      r.dashboard,
      'calls',
      undefined,
      r.dashboardSteps.join(' > '),
    );
  }
  bench.details.rows = rows;
});
