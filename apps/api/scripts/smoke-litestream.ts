// Smoke check of a running API and emulator: connect, plan and apply a Litestream setup over plain
// HTTP, then check the emulator's state and the returned litestream.yml.
//
//   npm run emulator -- --port 8787 &
//   B2_API_URL=http://127.0.0.1:8787 SANDBOX=off PORT=3000 npm start &
//   npx tsx apps/api/scripts/smoke-litestream.ts --api http://127.0.0.1:3000 --emulator http://127.0.0.1:8787
//
// The key defaults to B2_EMULATOR_MASTER_KEY_ID / B2_EMULATOR_MASTER_KEY, else the emulator's demo key.
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEMO_ACCOUNT_ID, DEMO_MASTER_KEY } from '@b2wiz/b2-emulator';
import {
  keyCapabilities,
  lifecycleRulesFor,
  setupResultSchema,
  targetDefaults,
  type SetupResult,
} from '@b2wiz/shared';
import { parse as parseYaml } from 'yaml';

export interface SmokeOptions {
  apiUrl: string;
  emulatorUrl: string;
  applicationKeyId: string;
  applicationKey: string;
  bucketName?: string;
}

export interface SmokeCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface SmokeReport {
  ok: boolean;
  checks: SmokeCheck[];
  result: SetupResult | null;
}

interface LitestreamReplica {
  type?: string;
  bucket?: string;
  path?: string;
  endpoint?: string;
  region?: string;
  'force-path-style'?: boolean;
  'access-key-id'?: string;
  'secret-access-key'?: string;
}

interface EmulatorState {
  buckets: { bucketId: string; bucketName: string; lifecycleRules: unknown[] }[];
  keys: { applicationKeyId: string; capabilities: string[]; bucketId: string | null }[];
}

const sortedJson = (list: readonly string[]) => JSON.stringify([...list].sort());

export async function runLitestreamSmoke(options: SmokeOptions): Promise<SmokeReport> {
  const checks: SmokeCheck[] = [];
  const check = (name: string, ok: boolean, detail: string) => {
    checks.push({ name, ok, detail });
    return ok;
  };
  const api = options.apiUrl.replace(/\/+$/, '');
  let cookie = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const report = (result: SetupResult | null): SmokeReport => ({
    ok: checks.every((c) => c.ok),
    checks,
    result,
  });

  const connected = await call('POST', '/api/session', {
    applicationKeyId: options.applicationKeyId,
    applicationKey: options.applicationKey,
  });
  if (
    !check('connect', connected.status === 200, `POST /api/session answered ${connected.status}`)
  ) {
    return report(null);
  }

  const bucketName = options.bucketName ?? `litestream-smoke-${randomBytes(4).toString('hex')}`;
  const defaults = targetDefaults('litestream');
  const request = {
    ...defaults,
    bucket: { ...defaults.bucket, name: bucketName },
    key: { ...defaults.key, name: `litestream-${bucketName}` },
    options: { litestream: { dbPath: '/var/lib/app/app.db', replicaPath: 'app.db' } },
  };
  const plan = await call('POST', '/api/setup/plan', request);
  const kinds = ((plan.json.steps as { kind: string }[] | undefined) ?? []).map((s) => s.kind);
  if (
    !check(
      'plan',
      plan.status === 200 && kinds.includes('createBucket'),
      `steps: ${kinds.join(', ')}`,
    )
  ) {
    return report(null);
  }

  const applied = await call('POST', '/api/setup/apply', {
    ...request,
    idempotencyKey: `smoke-${randomBytes(8).toString('hex')}`,
  });
  const parsed = setupResultSchema.safeParse(applied.json);
  if (
    !check(
      'apply',
      applied.status === 200 && parsed.success,
      `POST /api/setup/apply answered ${applied.status}`,
    )
  ) {
    return report(null);
  }
  const result = parsed.data!;
  check(
    'key check',
    result.verification.ok,
    result.verification.checks.map((c) => `${c.name}: ${c.ok ? 'ok' : 'FAILED'}`).join('; '),
  );

  const stateRes = await fetch(`${options.emulatorUrl.replace(/\/+$/, '')}/__emulator/state`);
  const state = (await stateRes.json()) as EmulatorState;
  const bucket = state.buckets.find((b) => b.bucketName === bucketName);
  check('bucket exists', bucket !== undefined, `bucket ${bucketName}`);
  check(
    'keepLatest rule',
    JSON.stringify(bucket?.lifecycleRules) ===
      JSON.stringify(lifecycleRulesFor({ preset: 'keepLatest' })),
    `lifecycleRules ${JSON.stringify(bucket?.lifecycleRules)}`,
  );
  const keys = state.keys.filter((k) => bucket && k.bucketId === bucket.bucketId);
  check('one key for the bucket', keys.length === 1, `${keys.length} key(s) restricted to it`);
  const wanted = keyCapabilities(
    defaults.key.access ?? 'readWrite',
    defaults.key.listAllBucketNames ?? true,
  );
  check(
    "preset's capabilities",
    keys[0] !== undefined && sortedJson(keys[0].capabilities) === sortedJson(wanted),
    `key holds ${keys[0]?.capabilities.join(', ')}`,
  );
  check(
    'the returned key is that key',
    keys[0]?.applicationKeyId === result.key.applicationKeyId,
    result.key.applicationKeyId,
  );

  const file = result.files.find((f) => f.filename === 'litestream.yml');
  if (
    check(
      'litestream.yml returned',
      file !== undefined,
      result.files.map((f) => f.filename).join(', '),
    )
  ) {
    let replica: LitestreamReplica | undefined;
    try {
      const doc = parseYaml(file!.content) as {
        dbs?: { path?: string; replicas?: LitestreamReplica[] }[];
      };
      replica = doc.dbs?.[0]?.replicas?.[0];
      check('litestream.yml parses as YAML', replica !== undefined, 'dbs[0].replicas[0] present');
    } catch (error) {
      check('litestream.yml parses as YAML', false, String(error));
    }
    if (replica) {
      check(
        'litestream.yml carries the key pair',
        replica['access-key-id'] === result.key.applicationKeyId &&
          replica['secret-access-key'] === result.key.applicationKey,
        `access-key-id ${replica['access-key-id']}`,
      );
      check(
        'litestream.yml carries the bucket',
        replica.bucket === bucketName,
        `bucket ${replica.bucket}`,
      );
      check(
        'litestream.yml carries the endpoint and region',
        replica.endpoint === result.endpoint.s3Endpoint &&
          replica.region === result.endpoint.s3Region &&
          Boolean(replica.region),
        `endpoint ${replica.endpoint}, region ${replica.region}`,
      );
      check('litestream.yml replica is S3', replica.type === 's3', `type ${replica.type}`);
    }
  }

  const forgotten = await call('DELETE', '/api/session');
  check(
    'forget credentials',
    forgotten.status === 204,
    `DELETE /api/session answered ${forgotten.status}`,
  );
  return report(result);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      api: { type: 'string', default: 'http://127.0.0.1:3000' },
      emulator: { type: 'string', default: 'http://127.0.0.1:8787' },
      'key-id': { type: 'string' },
      key: { type: 'string' },
      bucket: { type: 'string' },
    },
  });
  const env = (name: string) => process.env[name] || undefined;
  const report = await runLitestreamSmoke({
    apiUrl: values.api!,
    emulatorUrl: values.emulator!,
    applicationKeyId: values['key-id'] ?? env('B2_EMULATOR_MASTER_KEY_ID') ?? DEMO_ACCOUNT_ID,
    applicationKey: values.key ?? env('B2_EMULATOR_MASTER_KEY') ?? DEMO_MASTER_KEY,
    ...(values.bucket ? { bucketName: values.bucket } : {}),
  });
  for (const c of report.checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}`);
  console.log(report.ok ? 'Litestream smoke check passed.' : 'Litestream smoke check FAILED.');
  process.exit(report.ok ? 0 : 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(
      `Smoke check could not run: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  });
}
