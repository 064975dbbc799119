// Child process: the bare client, the apply's B2 calls made directly (bench/lib/direct-b2.ts), in
// a process of its own, bundled and on plain node as the API is, so the two are measured the
// same way: the process's own CPU (process.cpuUsage), nothing else running in it.
// It also serves the same calls over plain node:http (no framework, no sessions, no records, no
// files): the floor any HTTP API pays, a diagnostic beside the API's figure.
import { createServer } from 'node:http';
import { authorized, directApplyCalls } from './direct-b2.ts';
import { atOnce } from './load.ts';
import { defaultRequest, parsed } from './setup-requests.ts';
import { childArgs, serveParent } from './ts-child.ts';
import { waveProfiles } from './wave-profiles.mjs';

/** @type {{ b2ApiUrl: string }} */
const { b2ApiUrl } = childArgs();

/** @type {import('backblaze-b2').default[]} */
let clients = [];

/** BENCH_DIRECT_PROFILE_DIR: a CPU profile of each wave, to set beside the API's. */
const profiles = await waveProfiles({
  prefix: 'direct',
  cpuDir: process.env.BENCH_DIRECT_PROFILE_DIR,
  heapDir: process.env.BENCH_DIRECT_HEAP_DIR,
});

/**
 * POST /apply with an apply request and `client` (the prepared client's index): the body is read,
 * parsed and checked with the shared schema as the API does, the same calls are made, and a small
 * JSON answer goes back. GET answers at once (the load generator opens its connections with it).
 */
const plain = createServer({ keepAliveTimeout: 120_000 }, (req, res) => {
  if (req.method !== 'POST') return void res.end();
  /** @type {Buffer[]} */
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const done = (/** @type {number} */ status, /** @type {unknown} */ answer) => {
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(answer));
    };
    let request;
    try {
      request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return done(400, { error: 'the body is not JSON' });
    }
    const { client, ...body } = request;
    const b2 = clients[Number(client)];
    if (!b2) return done(400, { error: 'no such client' });
    Promise.resolve()
      .then(() => directApplyCalls(b2ApiUrl, b2, parsed(body)))
      .then(
        () => done(200, { ok: true, bucketName: body.bucket.name, keyName: body.key.name }),
        (error) => done(502, { error: String(error) }),
      );
  });
});
await new Promise((resolve) => plain.listen(0, '127.0.0.1', () => resolve(null)));
/** @type {NodeJS.CpuUsage | null} */
let servedSince = null;

serveParent(
  {
    pid: process.pid,
    plainUrl: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (plain.address()).port}`,
  },
  {
    /** One authorized client per key, before and outside the measured wave. */
    prepare: async ({ keys }) => {
      const list = /** @type {{ applicationKeyId: string, applicationKey: string }[]} */ (keys);
      clients = await Promise.all(list.map((key) => authorized(b2ApiUrl, key)));
      return null;
    },
    /** Every prepared client makes the apply's calls at once: each one's ms, and the CPU used. */
    wave: async () => {
      const requests = clients.map((b2) => ({ b2, r: parsed(defaultRequest('litestream')) }));
      clients = [];
      await profiles.start();
      const cpu = process.cpuUsage();
      const times = await atOnce(requests, ({ b2, r }) => directApplyCalls(b2ApiUrl, b2, r));
      const used = process.cpuUsage(cpu);
      await profiles.stop();
      return { times, cpuMs: (used.user + used.system) / 1000 };
    },
    /** The plain server's wave starts: its CPU counts from here. */
    servedStart: async () => {
      await profiles.start();
      servedSince = process.cpuUsage();
      return null;
    },
    /** The plain server's wave is over: the CPU it used, and the clients are spent. */
    servedStop: async () => {
      const used = process.cpuUsage(servedSince ?? undefined);
      await profiles.stop();
      clients = [];
      return { cpuMs: (used.user + used.system) / 1000 };
    },
  },
);

process.on('SIGTERM', () => setImmediate(() => process.exit(0)));
