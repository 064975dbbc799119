// The log line as written: JSON, the level by name, and no secret field's value.
import { describe, expect, it } from 'vitest';
import { createLogger, forRequest } from '../src/logging/logger';

const linesOf = (level: 'debug' | 'info' = 'info') => {
  const lines: string[] = [];
  return { lines, logger: createLogger(level, (line) => lines.push(line)) };
};

describe('the log line', () => {
  it('when fields are named as secrets, then their values are written as [redacted] and the rest as given', () => {
    const { lines, logger } = linesOf();
    const fields = {
      applicationKey: 'K004secretValue',
      authorizationToken: '4_tokenValue',
      cookie: 'b2wiz_session=abc',
      password: 'hunter2',
      keyName: 'litestream-key',
      status: 200,
    };
    logger.warn('something', fields);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'warn',
      message: 'something',
      applicationKey: '[redacted]',
      authorizationToken: '[redacted]',
      cookie: '[redacted]',
      password: '[redacted]',
      keyName: 'litestream-key',
      status: 200,
    });
    expect(lines[0]).not.toMatch(/K004secretValue|tokenValue|abc|hunter2/);
    // The caller's own object is left as it was.
    expect(fields.applicationKey).toBe('K004secretValue');
  });

  it('when a request logs, then its id leads the fields and a secret field is still redacted', () => {
    const { lines, logger } = linesOf();
    forRequest(logger, 'req-1').error('failed', { secretAccessKey: 'abc123', call: 'x' });
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'error',
      requestId: 'req-1',
      secretAccessKey: '[redacted]',
      call: 'x',
    });
    expect(lines[0]).not.toContain('abc123');
  });

  it('when the level is info, then debug lines are not written and info lines are', () => {
    const { lines, logger } = linesOf('info');
    logger.debug('b2 call', { call: 'b2_create_bucket' });
    logger.info('request', { status: 200 });
    expect(lines.map((l) => (JSON.parse(l) as { message: string }).message)).toEqual(['request']);
    const verbose = linesOf('debug');
    verbose.logger.debug('b2 call', { applicationKey: 'K004x' });
    expect(JSON.parse(verbose.lines[0]!)).toMatchObject({
      level: 'debug',
      applicationKey: '[redacted]',
    });
  });
});
