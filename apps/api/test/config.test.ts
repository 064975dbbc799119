import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv } from '../src/config';

describe('parseEnv', () => {
  it('when nothing is set, then the documented defaults apply', () => {
    expect(parseEnv({})).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      B2_API_URL: 'https://api.backblazeb2.com',
      SANDBOX: true,
      SESSION_IDLE_MINUTES: 30,
      SESSION_MAX_HOURS: 8,
      APPLY_LOCK_SECONDS: 30,
      SESSION_RATE_LIMIT: 20,
      TRUST_PROXY: false,
      B2_S3_REGION: 'us-west-004',
      LOG_LEVEL: 'info',
    });
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: 'loopback' }).TRUST_PROXY).toBe('loopback');
  });

  it('when settings are given, then they are read', () => {
    expect(
      parseEnv({
        PORT: '8080',
        HOST: '0.0.0.0',
        B2_API_URL: 'http://127.0.0.1:8787',
        SANDBOX: 'off',
        SESSION_IDLE_MINUTES: '5',
        LOG_LEVEL: 'DEBUG',
      }),
    ).toMatchObject({
      PORT: 8080,
      HOST: '0.0.0.0',
      B2_API_URL: 'http://127.0.0.1:8787',
      SANDBOX: false,
      SESSION_IDLE_MINUTES: 5,
      LOG_LEVEL: 'debug',
    });
    expect(parseEnv({ SANDBOX: 'ON' }).SANDBOX).toBe(true);
    expect(parseEnv({ PORT: '' }).PORT).toBe(3000);
  });

  it('when settings are bad, then one clear message names each of them', () => {
    let message = '';
    try {
      parseEnv({
        PORT: 'eighty',
        B2_API_URL: 'ftp://x',
        SANDBOX: 'maybe',
        SESSION_IDLE_MINUTES: '0',
      });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('PORT="eighty": must be a port number');
    expect(message).toContain('B2_API_URL="ftp://x": must be an http(s) URL');
    expect(message).toContain('SANDBOX="maybe": use on or off');
    expect(message).toContain('SESSION_IDLE_MINUTES="0": must be at least 1');
  });

  it('when the shared-store settings are given or bad, then they are read or named', () => {
    const env = parseEnv({
      REDIS_URL: 'redis://10.0.0.5:6379',
      SESSION_ENCRYPTION_KEY: 'x'.repeat(44),
      SESSION_MAX_HOURS: '12',
      SANDBOX_EMULATOR_TOKEN: 'a-token-of-sixteen+',
    });
    expect(env.REDIS_URL).toBe('redis://10.0.0.5:6379');
    expect(env.SESSION_MAX_HOURS).toBe(12);
    expect(env.SANDBOX_EMULATOR_TOKEN).toBe('a-token-of-sixteen+');
    const bad = () =>
      parseEnv({
        REDIS_URL: 'http://user:redisPassword@10.0.0.5',
        SESSION_MAX_HOURS: '0',
        SANDBOX_EMULATOR_TOKEN: 'shortSecret',
      });
    // Secret settings are named, never repeated.
    expect(bad).toThrow('REDIS_URL=(hidden): must be a redis:// or rediss:// URL');
    expect(bad).toThrow('SESSION_MAX_HOURS="0": must be at least 1');
    expect(bad).toThrow('SANDBOX_EMULATOR_TOKEN=(hidden): must be at least 16 characters');
    expect(bad).not.toThrow(/redisPassword|shortSecret/);
  });
});
