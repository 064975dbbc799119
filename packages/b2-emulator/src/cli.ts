#!/usr/bin/env tsx
/** `npm run emulator -- --port 8787`: starts the B2 emulator and prints where and with which key. */
import { parseArgs } from 'node:util';
import { createEmulator } from './emulator';

function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number >= 0, not "${value}"`);
    process.exit(2);
  }
  return n;
}

const USAGE =
  'Usage: b2-emulator [--port 8787] [--host 127.0.0.1] [--latency ms] [--region us-west-004] [--sandbox] [--reject-checksum-headers]';

function readArgs() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        latency: { type: 'string' },
        region: { type: 'string' },
        sandbox: { type: 'boolean' },
        'reject-checksum-headers': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const values = readArgs();

if (values.help) {
  console.log(USAGE);
  console.log('Env: B2_EMULATOR_MASTER_KEY_ID, B2_EMULATOR_MASTER_KEY set the master key.');
  console.log(
    '--sandbox: for a shared practice sandbox on a server. Only POST /__emulator/accounts is kept of the admin routes, and it needs B2_EMULATOR_ADMIN_TOKEN as a Bearer token (give the API the same value as SANDBOX_EMULATOR_TOKEN).',
  );
  console.log(
    '--reject-checksum-headers: refuse S3 requests with x-amz-checksum-* or x-amz-sdk-checksum-algorithm headers, as B2 did in 2025.',
  );
  process.exit(0);
}

const adminToken = process.env.B2_EMULATOR_ADMIN_TOKEN ?? '';
if (values.sandbox && adminToken.length < 16) {
  console.error(
    '--sandbox needs B2_EMULATOR_ADMIN_TOKEN: at least 16 characters (e.g. openssl rand -hex 24)',
  );
  process.exit(2);
}

const emulator = await createEmulator({
  adminMode: values.sandbox ? 'sandbox' : 'test',
  ...(adminToken ? { adminToken } : {}),
  port: numberOption(values.port, 'port'),
  host: values.host,
  latencyMs: numberOption(values.latency, 'latency'),
  region: values.region,
  rejectChecksumHeaders: values['reject-checksum-headers'] ?? false,
});

const keyFromEnv = (process.env.B2_EMULATOR_MASTER_KEY ?? '') !== '';
console.log(`B2 emulator listening on ${emulator.url}`);
console.log(`Master application key ID: ${emulator.masterKeyId}`);
// A key the user set themselves is not echoed into logs; the demo key is printed so it can be pasted.
console.log(
  `Master application key: ${keyFromEnv ? '(as set in B2_EMULATOR_MASTER_KEY)' : emulator.masterKey}`,
);
console.log(
  `S3-compatible API: ${emulator.s3ApiUrl} (region ${emulator.region}, path-style; not with the master key)`,
);

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
