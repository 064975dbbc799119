// The fault matrix: every B2 call apply makes × every way B2 or the network can fail. Each cell
// must end completed, or with a plain-words error whose Retry (same idempotencyKey) completes; then
// the account holds exactly one bucket and one key for the setup, no marker file, and the user
// holds the working secret of that key.
import { randomBytes } from 'node:crypto';
import type { Emulator, FaultSpec } from '@b2wiz/b2-emulator';
import { errorEnvelopeSchema, setupResultSchema, type SetupRequestInput } from '@b2wiz/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  b2Native,
  connectMaster,
  idempotencyKey,
  notPlainWords,
  setupRequest,
  signsIn,
  startApp,
  startEmulator,
  type TestApp,
} from '../helpers';

/** The gateway gives up on a silent B2 after this long; the stall outlasts it. */
const TIMEOUT_MS = 750;
const STALL_MS = 2000;

interface Fault {
  name: string;
  /** Stays until cleared (else it is used up by the tries it names). */
  persistent: boolean;
  spec(call: string): FaultSpec;
}

const FAULTS: Fault[] = [
  {
    name: '503 ×2',
    persistent: false,
    spec: (call) => ({ call, status: 503, code: 'service_unavailable', times: 2 }),
  },
  {
    name: '429 Retry-After',
    persistent: false,
    spec: (call) => ({ call, status: 429, code: 'too_many_requests', retryAfter: 1, times: 1 }),
  },
  {
    name: '500 once',
    persistent: false,
    spec: (call) => ({ call, status: 500, code: 'internal_error', times: 1 }),
  },
  {
    name: '500 always',
    persistent: true,
    spec: (call) => ({ call, status: 500, code: 'internal_error', times: null }),
  },
  {
    name: 'expired token',
    persistent: false,
    spec: (call) => ({ call, status: 401, code: 'expired_auth_token', times: 1 }),
  },
  { name: 'drop before', persistent: false, spec: (call) => ({ call, drop: 'before', times: 1 }) },
  { name: 'drop after', persistent: false, spec: (call) => ({ call, drop: 'after', times: 1 }) },
  { name: 'stall', persistent: false, spec: (call) => ({ call, stallMs: STALL_MS, times: 1 }) },
];

/** An S3 tool (its key check goes over S3) and a native one (its marker over B2's native API). */
type Target = 'rclone' | 'jetbackup';

interface Row {
  label: string;
  /** The B2 call the fault is put on. */
  call: string;
  mode: 'create' | 'existing';
  /** rclone (an S3 tool) by default; a native tool for the native marker of the key check. */
  target?: Target;
  /** Arms the fault (the default puts it on `call`); false when the fault means nothing there. */
  arm?(emulator: Emulator, fault: Fault): boolean;
  /** Runs first: an earlier try of the same apply that the cell's apply resumes. */
  before?(apply: () => Promise<Answer>, emulator: Emulator): Promise<string | null>;
}

/** SigV4 signs every request with the secret itself: there is no token to expire. */
const NO_TOKEN = 'expired token';

const ROWS: Row[] = [
  {
    // Every token has expired, so apply's first call makes it sign in again: the fault is on that.
    label: 'authorize (session signs in again)',
    call: 'b2_authorize_account',
    mode: 'create',
    arm(emulator, fault) {
      emulator.expireTokens();
      // Here the expired token is itself the fault.
      if (fault.name !== 'expired token') emulator.addFault(fault.spec('b2_authorize_account'));
      return true;
    },
  },
  {
    // The key check's sign-in with the new key. Its expired token shows at the key's first call.
    label: 'authorize (new key, native tool)',
    call: 'b2_authorize_account',
    mode: 'create',
    target: 'jetbackup',
    arm(emulator, fault) {
      emulator.addFault(
        fault.spec(fault.name === 'expired token' ? 'b2_get_upload_url' : 'b2_authorize_account'),
      );
      return true;
    },
  },
  {
    // An S3 tool's key signs in natively, then uses only S3: its token is never used again.
    label: 'authorize (new key, S3 tool)',
    call: 'b2_authorize_account',
    mode: 'create',
    arm: (emulator, fault) =>
      fault.name !== NO_TOKEN && (emulator.addFault(fault.spec('b2_authorize_account')), true),
  },
  { label: 'create_bucket', call: 'b2_create_bucket', mode: 'create' },
  { label: 'update_bucket', call: 'b2_update_bucket', mode: 'existing' },
  { label: 'list_buckets', call: 'b2_list_buckets', mode: 'existing' },
  { label: 'create_key', call: 'b2_create_key', mode: 'create' },
  { label: 'list_keys', call: 'b2_list_keys', mode: 'existing' },
  {
    // Only a resume deletes keys: the first try loses create_key's answer, the cell's apply resumes.
    label: 'delete_key (resume)',
    call: 'b2_delete_key',
    mode: 'create',
    async before(apply, emulator) {
      emulator.addFault({ call: 'b2_create_key', drop: 'after', times: 1 });
      const first = await apply();
      return first.status === 502 && first.body.error?.retryable === true
        ? null
        : `the first try should fail retryably, got ${first.status}`;
    },
  },
  // A native tool's marker goes over B2's native API...
  ...['b2_get_upload_url', 'b2_upload_file', 'b2_delete_file_version'].map((call): Row => ({
    label: `key check: ${call.slice('b2_'.length)}`,
    call,
    mode: 'create',
    target: 'jetbackup',
  })),
  // ...and an S3 tool's over S3, and nowhere else.
  ...['s3_head_bucket', 's3_put_object', 's3_delete_object'].map((call): Row => ({
    label: `key check: ${call}`,
    call,
    mode: 'create',
    arm: (emulator, fault) =>
      fault.name !== NO_TOKEN && (emulator.addFault(fault.spec(call)), true),
  })),
];

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

let emulator: Emulator;
let t: TestApp;

beforeAll(async () => {
  // The emulator's own URL as its S3 URL: nothing in this test leaves the machine.
  emulator = await startEmulator({ s3Url: undefined });
  t = await startApp({ b2ApiUrl: emulator.url, gatewayOptions: { timeoutMs: TIMEOUT_MS } });
});
afterAll(async () => {
  await t.close();
  await emulator.close();
});

/** How an unfinished answer fails the cell, or null when it is a fair "try again". */
function notRetryable(answer: Answer): string | null {
  if (answer.status === 200) {
    const result = setupResultSchema.parse(answer.body);
    if (!result.key.applicationKey) return 'no secret in an unverified result';
    const failed = result.verification.checks.filter((c) => !c.ok);
    if (failed.length === 0) return 'verification not ok, but no check failed';
    for (const check of failed) {
      const problem = notPlainWords(check.detail);
      if (problem) return `check ${check.name}: ${problem}`;
      if (!/try again/.test(check.detail)) return `check ${check.name} does not offer Retry`;
    }
    return null;
  }
  const parsed = errorEnvelopeSchema.safeParse(answer.body);
  if (!parsed.success) return `status ${answer.status} without the error envelope`;
  if (answer.status < 400 || answer.status === 500) return `status ${answer.status}`;
  if (parsed.data.error.retryable !== true) return `${parsed.data.error.code} is not retryable`;
  return notPlainWords(parsed.data.error.message);
}

async function runCell(row: Row, fault: Fault, index: string): Promise<string[] | 'n/a'> {
  const problems: string[] = [];
  const target: Target = row.target ?? 'rclone';
  const keyName = `${target}-key`;
  emulator.reset();
  const agent = t.agent();
  await connectMaster(agent, emulator).expect(200);

  const bucketName = `matrix-${index}-${randomBytes(4).toString('hex')}`;
  let request: SetupRequestInput;
  if (row.mode === 'existing') {
    // Rules that differ from the target's, so apply must update them.
    await b2Native(emulator, 'b2_create_bucket', { bucketName, bucketType: 'allPrivate' });
    const [bucket] = emulator.state().buckets.filter((b) => b.bucketName === bucketName);
    request = setupRequest(target, 'unused', {
      bucket: { mode: 'existing', bucketId: bucket!.bucketId },
    });
  } else {
    request = setupRequest(target, bucketName);
  }
  const key = idempotencyKey();
  const apply = async (): Promise<Answer> => {
    // The existing bucket keeps all versions today: the user has agreed to delete old ones.
    const confirm = row.mode === 'existing' ? ['deletes_old_versions'] : undefined;
    const res = await agent
      .post('/api/setup/apply')
      .send({ ...request, confirm, idempotencyKey: key });
    return { status: res.status, body: res.body };
  };
  const complete = (a: Answer) => a.status === 200 && a.body.verification?.ok === true;

  if (row.before) {
    const problem = await row.before(apply, emulator);
    if (problem) return [problem];
  }
  const callsBefore = emulator.callCounts()[row.call] ?? 0;
  const arm = row.arm ?? ((e: Emulator, f: Fault) => (e.addFault(f.spec(row.call)), true));
  if (!arm(emulator, fault)) return 'n/a';

  let answer = await apply();
  if ((emulator.callCounts()[row.call] ?? 0) === callsBefore) {
    problems.push(`${row.call} was never called`);
  }
  if (!fault.persistent && emulator.faults().length > 0) problems.push('the fault was not used up');
  emulator.clearFaults();
  if (!complete(answer)) {
    const problem = notRetryable(answer);
    if (problem) problems.push(`first answer: ${problem}`);
    answer = await apply(); // Retry, same idempotencyKey
    if (!complete(answer)) {
      problems.push(`Retry did not complete: ${answer.status} ${JSON.stringify(answer.body)}`);
      return problems;
    }
  } else if (fault.persistent) {
    problems.push('completed despite a fault that never ends');
  }

  const result = setupResultSchema.parse(answer.body);
  const state = emulator.state();
  const buckets = state.buckets.filter((b) => b.accountId === emulator.accountId);
  if (buckets.length !== 1 || buckets[0]!.bucketName !== bucketName) {
    problems.push(`buckets: ${buckets.map((b) => b.bucketName).join(', ') || 'none'}`);
  }
  const keys = state.keys.filter((k) => k.keyName === keyName);
  if (keys.length !== 1 || state.keys.length !== 1) {
    problems.push(`live keys: ${state.keys.map((k) => k.keyName).join(', ') || 'none'}`);
  } else if (keys[0]!.applicationKeyId !== result.key.applicationKeyId) {
    problems.push('the result names another key than the one that exists');
  }
  if (!(await signsIn(emulator, result.key.applicationKeyId, result.key.applicationKey))) {
    problems.push('the secret in the result does not sign in');
  }
  if (state.files.length > 0) {
    problems.push(`files left: ${state.files.map((f) => f.fileName).join(', ')}`);
  }
  // And the replay afterwards is the same result, with no B2 call.
  const calls = Object.values(emulator.callCounts()).reduce((a, b) => a + b, 0);
  const replay = await apply();
  if (JSON.stringify(replay.body) !== JSON.stringify(answer.body)) problems.push('replay differs');
  if (Object.values(emulator.callCounts()).reduce((a, b) => a + b, 0) !== calls) {
    problems.push('replay called B2');
  }
  return problems;
}

/**
 * Faults an S3 call cannot meet: S3 signs each request, and an S3 tool's new key uses its B2
 * token for nothing after signing in, so there is no token to expire.
 */
const NOT_APPLICABLE = [
  'authorize (new key, S3 tool) × expired token',
  'key check: s3_head_bucket × expired token',
  'key check: s3_put_object × expired token',
  'key check: s3_delete_object × expired token',
];

describe('fault matrix', () => {
  it('when each B2 call of apply meets each fault, then every cell completes, at most after one Retry', async () => {
    const failures: string[] = [];
    const table: string[][] = [];
    const notApplicable: string[] = [];
    let passed = 0;
    let total = 0;
    for (const [r, row] of ROWS.entries()) {
      const line = [row.label];
      for (const [f, fault] of FAULTS.entries()) {
        const problems = await runCell(row, fault, `r${r}f${f}`);
        if (problems === 'n/a') {
          line.push('n/a');
          notApplicable.push(`${row.label} × ${fault.name}`);
          continue;
        }
        total += 1;
        if (problems.length === 0) passed += 1;
        else failures.push(`${row.label} × ${fault.name}: ${problems.join('; ')}`);
        line.push(problems.length === 0 ? 'pass' : 'FAIL');
      }
      table.push(line);
    }
    const widths = [
      Math.max(...ROWS.map((r) => r.label.length)),
      ...FAULTS.map((f) => f.name.length),
    ];
    const pad = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
    console.log(
      [
        pad(['B2 call', ...FAULTS.map((f) => f.name)]),
        widths.map((w) => '-'.repeat(w)).join('-|-'),
        ...table.map(pad),
        ...failures.map((f) => `FAILED ${f}`),
        `fault matrix: ${passed}/${total} cells passed (n/a: S3 signs each request, and an S3 tool's new key uses its B2 token for nothing after signing in: no token to expire)`,
      ].join('\n'),
    );
    expect(failures).toEqual([]);
    // Only the cells that cannot happen are skipped: a matrix of n/a would prove nothing.
    expect(notApplicable).toEqual(NOT_APPLICABLE);
    expect(total).toBe(116);
    expect(passed).toBe(total);
  }, 120_000);
});
