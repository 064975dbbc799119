/**
 * The admin routes under /__emulator/ (never counted, delayed or faulted). In sandbox mode only
 * the accounts route answers; the test routes (reset, faults, state...) are not there.
 */
import type { ServerResponse } from 'node:http';
import { newAccount, requireAdminToken } from './accounts';
import type { EmulatorCore } from './core';
import { badRequest, notFound } from './errors';
import { asB2Error, parseJsonBody, sendError, sendJson } from './http-io';
import { seedBucket } from './seed';
import { bucketDump, stateDump } from './state-dump';

export function sendAdmin(
  core: EmulatorCore,
  method: string,
  pathname: string,
  body: Buffer,
  res: ServerResponse,
  authorization?: string,
): void {
  try {
    const input = () => parseJsonBody(body);
    const action = `${method} ${pathname.replace(/\/+$/, '')}`;
    if (action === 'POST /__emulator/accounts') {
      requireAdminToken(core.config.adminToken, authorization);
      return sendJson(res, 201, newAccount(core.state));
    }
    if (core.config.adminMode === 'sandbox') throw notFound(`no such route: ${method} ${pathname}`);
    switch (action) {
      case 'GET /__emulator/state':
        return sendJson(res, 200, stateDump(core.state));
      case 'POST /__emulator/reset':
        core.reset();
        return sendJson(res, 200, { ok: true });
      case 'POST /__emulator/buckets':
        return sendJson(res, 200, bucketDump(seedBucket(core.state, input())));
      case 'GET /__emulator/requests':
        return sendJson(res, 200, { requests: core.requests.list() });
      case 'DELETE /__emulator/requests':
        core.requests.clear();
        return sendJson(res, 200, { requests: [] });
      case 'GET /__emulator/faults':
        return sendJson(res, 200, { faults: core.faults.list() });
      case 'POST /__emulator/faults': {
        const fault = core.faults.add(input());
        return sendJson(res, 201, { fault, faults: core.faults.list() });
      }
      case 'DELETE /__emulator/faults':
        core.faults.clear();
        return sendJson(res, 200, { faults: [] });
      case 'GET /__emulator/latency':
        return sendJson(res, 200, { ms: core.latencyMs });
      case 'POST /__emulator/latency': {
        const ms = input().ms;
        if (typeof ms !== 'number') throw badRequest('latency: send {"ms": <milliseconds>}');
        core.setLatency(ms);
        return sendJson(res, 200, { ms: core.latencyMs });
      }
      case 'POST /__emulator/expire-tokens': {
        const token = input().token;
        if (token !== undefined && token !== null && typeof token !== 'string')
          throw badRequest('token must be a string');
        const expired = core.state.expireTokens(token ?? undefined);
        if (typeof token === 'string' && expired === 0) throw notFound('no such token');
        return sendJson(res, 200, { expired });
      }
      case 'POST /__emulator/advance-time': {
        const ms = input().ms;
        if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
          throw badRequest('advance-time: send {"ms": <milliseconds>}');
        core.state.advanceTime(ms);
        return sendJson(res, 200, { now: core.state.now() });
      }
      case 'GET /__emulator/calls':
        return sendJson(res, 200, core.callCounts());
      case 'POST /__emulator/calls/reset':
        core.resetCallCounts();
        return sendJson(res, 200, {});
      default:
        throw notFound(`no such emulator admin route: ${method} ${pathname}`);
    }
  } catch (error) {
    sendError(res, asB2Error(error));
  }
}
