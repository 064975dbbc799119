// Child process: B2 emulators for the benchmarks, apart from the API's process.
// Several instances (one account each) when a run needs more than B2's 100 buckets per account;
// then a small router in front answers b2_authorize_account by forwarding it to the instance that
// owns the key (B2 key IDs carry the account ID), and every other call goes straight to that
// instance's apiUrl, as on B2.
// Plain JavaScript, run through tsx, for the reason given in api-process.mjs.
import { setMaxListeners } from 'node:events';
import { createServer, request as httpRequest, Agent } from 'node:http';
import { createEmulator } from '@b2wiz/b2-emulator';
import { childArgs, serveParent } from './ts-child.ts';

/** @type {import('./emulators').EmulatorProcessArgs} */
const { instances: count = 1, latencyMs = 0 } = childArgs();

/** 12 hex digits, like a B2 account ID; old-style master key IDs equal it. */
/** @param {number} i */
const accountIdFor = (i) => `be0c${i.toString(16).padStart(8, '0')}`;

// The emulator's latency waits each listen on one shutdown signal: hundreds at once are expected.
setMaxListeners(0);

/** @type {import('@b2wiz/b2-emulator').Emulator[]} */
const emulators = [];
for (let i = 0; i < count; i += 1) {
  const accountId = accountIdFor(i);
  emulators.push(
    await createEmulator({
      port: 0,
      latencyMs,
      masterKeyId: accountId,
      masterKey: `K004benchMasterKey${accountId}`,
    }),
  );
}

/** @param {string} keyId */
function instanceFor(keyId) {
  // Master key: the account ID; other keys: <3-digit cluster><accountId><10-digit counter>.
  const accountId = keyId.length === 12 ? keyId : keyId.slice(3, 15);
  return emulators.find((e) => e.accountId === accountId);
}

/** @type {import('node:http').Server | null} */
let router = null;
let baseUrl = emulators[0].url;
if (count > 1) {
  const agent = new Agent({ keepAlive: true });
  router = createServer((req, res) => {
    const basic = /^Basic\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const keyId = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':')[0] : undefined;
    const target = keyId ? instanceFor(keyId) : undefined;
    if (!/\/b2_authorize_account$/.test(new URL(req.url ?? '/', 'http://x').pathname) || !target) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 401, code: 'bad_auth_token', message: 'unknown key' }));
      return;
    }
    // Authorize carries no body. A kept-alive socket the instance closed while idle fails on
    // reuse (ECONNRESET); that request never reached the instance, so it is sent once more.
    /** @param {boolean} retried */
    const forward = (retried) => {
      const upstream = httpRequest(
        `${target.url}${req.url}`,
        { method: req.method, headers: req.headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (upstream.reusedSocket && !retried) return forward(true);
        res.writeHead(502);
        res.end();
      });
      upstream.end();
    };
    req.resume();
    forward(false);
  });
  const server = router;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${server.address().port}`;
}

/** @type {import('./emulators').EmulatorProcessReady} */
const ready = {
  url: baseUrl,
  instances: emulators.map((e) => ({
    url: e.url,
    accountId: e.accountId,
    masterKeyId: e.masterKeyId,
    masterKey: e.masterKey,
  })),
};

serveParent(ready, {
  /** Calls per B2 call name, summed over the instances. */
  calls: () => {
    /** @type {Record<string, number>} */
    const sum = {};
    for (const e of emulators) {
      for (const [call, n] of Object.entries(e.callCounts())) sum[call] = (sum[call] ?? 0) + n;
    }
    return sum;
  },
  resetCalls: () => {
    for (const e of emulators) e.resetCallCounts();
    return null;
  },
  /** Seeded world again: buckets, keys and tokens gone (B2's 100-bucket limit starts over). */
  reset: () => {
    for (const e of emulators) e.reset();
    return null;
  },
  /** Every kept-alive connection not in use is closed, the router's too (a cold start). */
  closeIdleConnections: () => {
    for (const e of emulators) e.closeIdleConnections();
    router?.closeIdleConnections();
    return null;
  },
  setLatency: ({ ms }) => {
    for (const e of emulators) e.setLatency(Number(ms));
    return null;
  },
  state: ({ instance }) => emulators[Number(instance ?? 0)].state(),
});

process.on('SIGTERM', () => {
  router?.close();
  router?.closeAllConnections();
  void Promise.all(emulators.map((e) => e.close())).then(() => process.exit(0));
});
