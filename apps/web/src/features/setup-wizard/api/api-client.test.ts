import { accountSummarySchema, apiErrorNext } from '@b2wiz/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sandboxAccount, stubFetch } from '../test-fixtures';
import { ApiError, apiRequest } from './api-client';

function answer(status: number, body: unknown, contentType = 'application/json') {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return vi.fn().mockResolvedValue(
    new Response(status === 204 ? null : text, {
      status,
      headers: { 'Content-Type': contentType },
    }),
  );
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const summary = { ...sandboxAccount, capabilities: ['listBuckets'] };

/** Fetch answers with the API's error envelope. */
function failWith(status: number, error: Record<string, unknown>) {
  stubFetch(answer(status, { error }));
}

afterEach(() => vi.unstubAllGlobals());

describe('apiRequest', () => {
  it('sends JSON with the session cookie and answers the parsed body', async () => {
    const fetch = stubFetch(answer(200, summary));
    const result = await apiRequest('/api/session', {
      method: 'POST',
      body: { sandbox: true },
      schema: accountSummarySchema,
    });
    expect(result).toEqual(summary);
    const [path, init] = fetch.mock.calls[0]!;
    expect(path).toBe('/api/session');
    expect(init).toMatchObject({
      method: 'POST',
      body: '{"sandbox":true}',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
    });
  });

  it('sends no Content-Type without a body, and accepts 204', async () => {
    const fetch = stubFetch(answer(204, ''));
    await expect(apiRequest('/api/session', { method: 'DELETE' })).resolves.toBeUndefined();
    expect(fetch.mock.calls[0]![1].headers).not.toHaveProperty('Content-Type');
  });

  it('when the server sends the error envelope, throws an ApiError with every part of it', async () => {
    failWith(409, {
      code: 'duplicate_bucket_name',
      message: 'That bucket name is already taken.',
      field: 'bucket.name',
      suggestion: 'taken-bucket-name-3f9a',
    });
    const error = await failure(apiRequest('/api/setup/apply', { method: 'POST', body: {} }));
    expect(error).toMatchObject({
      status: 409,
      code: 'duplicate_bucket_name',
      message: 'That bucket name is already taken.',
      field: 'bucket.name',
      suggestion: 'taken-bucket-name-3f9a',
      retryable: false,
      issues: [],
    });
    expect(error.nextStep).toBe(
      'Choose another name, for example with your company or project name in it.',
    );
  });

  it('keeps per-field issues and what was created, for a retry', async () => {
    failWith(502, {
      code: 'service_unavailable',
      message: 'Backblaze is busy or briefly unavailable.',
      retryable: true,
      created: { bucket: { bucketId: 'b1', bucketName: 'acme-db' } },
      issues: [{ field: 'key.name', message: 'Too long.' }],
    });
    const error = await failure(apiRequest('/api/setup/apply', { method: 'POST', body: {} }));
    expect(error.retryable).toBe(true);
    expect(error.created).toEqual({ bucket: { bucketId: 'b1', bucketName: 'acme-db' } });
    expect(error.issues).toEqual([{ field: 'key.name', message: 'Too long.' }]);
    expect(error.nextStep).toBe('Wait a moment, then try again. Nothing is made twice.');
  });

  it('when the message already ends with the next step, does not repeat it', async () => {
    failWith(502, {
      code: 'network_error',
      message:
        'We could not reach Backblaze. Check the connection, then try again. Nothing is made twice.',
    });
    const error = await failure(apiRequest('/api/session', { method: 'POST', body: {} }));
    expect(error.nextStep).toBe('');
  });

  it('gives the API’s own codes a next step too', async () => {
    failWith(401, { code: 'not_connected', message: 'No.' });
    const error = await failure(apiRequest('/api/buckets'));
    expect(error.nextStep).toBe('Go back to the Connect step and connect again.');
  });

  it('takes the next step from the shared table, and drops it when the message says it', async () => {
    failWith(409, {
      code: 'bucket_exists',
      message:
        'You already have a bucket named “acme-db”: set it up as an existing bucket, or pick another name.',
      field: 'bucket.name',
    });
    const error = await failure(apiRequest('/api/setup/plan', { method: 'POST', body: {} }));
    expect(apiErrorNext('bucket_exists')).toBe(
      'Set it up as an existing bucket, or pick another name.',
    );
    expect(error.nextStep).toBe('');
  });

  it('for a code it does not know, gives a next step by status', async () => {
    failWith(500, { code: 'brand_new', message: 'Oops.' });
    const server = await failure(apiRequest('/api/buckets'));
    expect(server.nextStep).toBe('Wait a moment, then try again.');
    failWith(422, { code: 'brand_new', message: 'Oops.' });
    const client = await failure(apiRequest('/api/buckets'));
    expect(client.nextStep).toBe('Check what you entered, then try again.');
  });

  it('when the answer is not the envelope (a proxy’s page), falls back by status', async () => {
    stubFetch(answer(503, '<html>Bad gateway</html>', 'text/html'));
    const error = await failure(apiRequest('/api/setup/plan', { method: 'POST', body: {} }));
    expect(error).toMatchObject({ status: 503, code: 'server_error', retryable: true });
  });

  it('when the server cannot be reached, says so plainly', async () => {
    stubFetch(vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = await failure(apiRequest('/api/session', { schema: accountSummarySchema }));
    expect(error).toMatchObject({ status: 0, code: 'network_unreachable', retryable: true });
    expect(error.message).toBe('The wizard’s server did not answer.');
  });

  it('when a successful answer does not match the schema, refuses it', async () => {
    stubFetch(answer(200, { accountId: 42 }));
    const error = await failure(apiRequest('/api/session', { schema: accountSummarySchema }));
    expect(error.code).toBe('bad_response');
  });
});
