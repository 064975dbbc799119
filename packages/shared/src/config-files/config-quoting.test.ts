import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { configErrorOf } from '../../test/config-error';
import { readEnv, readShellWord } from '../../test/env-reader';
import {
  commentText,
  dotenvValue,
  iniValue,
  markdownCode,
  shellQuote,
  shellWord,
  yamlScalar,
} from './config-quoting';

// Characters that mean something in one of the formats, so random strings hit them often.
const trickyText = fc.string({
  unit: fc.constantFrom(
    ...' \t\n\r:#-?{}[],&*!|>%@`\'"\\$=;./+yesnoNO01é😀\u0085\u2028\u2029\u007f',
  ),
  maxLength: 20,
});

describe('yamlScalar', () => {
  it.each([
    ['app.db', 'app.db'],
    ['K004abc/def+ghi', 'K004abc/def+ghi'],
    ['/var/lib/my app/app.db', '/var/lib/my app/app.db'],
    ['a: b', '"a: b"'],
    ['#1', '"#1"'],
    ['yes', '"yes"'],
    ['on', '"on"'],
    ['Off', '"Off"'],
    ['N', '"N"'],
    ['NULL', '"NULL"'],
    ['True', '"True"'],
    ['acme-db_2', 'acme-db_2'],
    ['0123', '"0123"'],
    ['', '""'],
    ['line\nbreak', '"line\\nbreak"'],
    ['a"\nb', '"a\\"\\nb"'],
    ['a\u2028b', '"a\\u2028b"'],
  ])('writes %j as %s', (value, yaml) => {
    expect(yamlScalar(value)).toBe(yaml);
  });

  it.each([
    'https://s3.us-west-004.backblazeb2.com',
    '/var/lib/app.db',
    'a:b',
    'a:',
    'yes',
    'No',
    'y',
    '/',
    'K004abc/def+ghi',
    '004a1b2c3d4e5f60000000001',
    '004e5000000000000000000001',
    '1e5',
    '0x1f',
    '0b101',
    '0o17',
    '12:30:00',
    '2001-12-14',
    '2001-12-14t21:59:43.10-05:00',
    '1_000',
    '123',
    '0xg',
    '1.5e+3',
    '12t',
    'e5',
    'E+1',
  ])('writes %j as the yaml package does', (value) => {
    expect(yamlScalar(value)).toBe(stringify(value, { version: '1.1', lineWidth: 0 }).trimEnd());
  });

  it('skips the yaml package only where it would write the value unquoted', () => {
    const unit = fc.constantFrom(...'0123456789abcdefnostxyzENOTXYZ._/:+-~'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 12 }), (value) => {
        const viaYaml = stringify(value, { version: '1.1', lineWidth: 0 }).trimEnd();
        expect(yamlScalar(value)).toBe(viaYaml);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back as the same string on one line, in YAML 1.2 and 1.1', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 24 }), trickyText), (value) => {
        const scalar = yamlScalar(value);
        expect(scalar).not.toMatch(/[\n\r\u0085\u2028\u2029]/);
        expect(parse(`k: ${scalar}\n`).k).toBe(value);
        expect(parse(`k: ${scalar}\n`, { version: '1.1' }).k).toBe(value);
      }),
    );
  });
});

describe('iniValue', () => {
  it.each(['K004abc/def+ghi', 'a#b;c', 'x = y', 'https://s3.us-west-004.backblazeb2.com', 'é'])(
    'writes %j unchanged',
    (value) => {
      expect(iniValue(value, 'key.applicationKey', 'rclone.conf')).toBe(value);
    },
  );

  it.each([
    ['', 'is empty'],
    [' K004abc', 'starts or ends with a space'],
    ['K004abc ', 'starts or ends with a space'],
    ['K004\nabc', 'contains a line break or control character'],
    ['"K004abc"', 'starts with a quote'],
    ["'K004abc'", 'starts with a quote'],
    ['`K004abc`', 'starts with a quote'],
    ['$K004abc', "starts with '$'"],
    ['K004%(type)s', "contains '%('"],
  ])('refuses %j, which some INI reader would change', (value, reason) => {
    const error = configErrorOf(() => iniValue(value, 'key.applicationKey', 'rclone.conf'));
    expect(error.field).toBe('key.applicationKey');
    expect(error.message).toBe(
      `The application key can't be written into rclone.conf as it is: it ${reason}. Check that it was copied correctly.`,
    );
  });
});

describe('dotenvValue', () => {
  it.each([
    ['K004abc/def+ghi', 'K004abc/def+ghi'],
    ['https://s3.us-west-004.backblazeb2.com', 'https://s3.us-west-004.backblazeb2.com'],
    ['', ''],
    ['a b', "'a b'"],
    ['a#b', "'a#b'"],
    ['${HOME}', "'${HOME}'"],
    ['a"b\\c', `'a"b\\c'`],
  ])('writes %j as %s', (value, written) => {
    expect(dotenvValue(value, 'key.applicationKey', 'x.env')).toBe(written);
  });

  it("refuses a value that needs quotes and has a ' in it", () => {
    expect(configErrorOf(() => dotenvValue("it's", 'bucket.bucketId', 'x.env')).message).toBe(
      "The bucket ID can't be written into x.env as it is: it contains a ' quote. Check that it was copied correctly.",
    );
  });

  it('refuses a line break', () => {
    expect(configErrorOf(() => dotenvValue('a\nb', 'key.applicationKey', 'x.env')).field).toBe(
      'key.applicationKey',
    );
  });

  it('reads back unchanged', () => {
    const value = fc
      .oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), trickyText)
      .filter((v) => !v.includes("'") && !/[\p{Cc}\u2028\u2029]/u.test(v));
    fc.assert(
      fc.property(value, (v) => {
        expect(readEnv(`X=${dotenvValue(v, 'f', 'x.env')}`).X).toBe(v);
      }),
    );
  });
});

describe('shellQuote and shellWord', () => {
  it("escapes ' the POSIX way", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });

  it('quotes a word only when it needs it', () => {
    expect(shellWord('/var/lib/app/app.db')).toBe('/var/lib/app/app.db');
    expect(shellWord('/var/lib/my app/app.db')).toBe("'/var/lib/my app/app.db'");
    expect(shellWord('')).toBe("''");
  });

  it('reads back unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), trickyText), (value) => {
        expect(readShellWord(shellQuote(value))).toBe(value);
      }),
    );
  });

  it('survives a real shell', () => {
    const values = ["it's", 'a b', '$HOME', '`id`', '"q"', 'back\\slash', 'new\nline', '*'];
    const script = values.map((v) => `printf '%s\\0' ${shellQuote(v)}`).join('\n');
    const out = execFileSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(out.split('\0').slice(0, -1)).toEqual(values);
  });
});

describe('commentText', () => {
  it.each(['a\nb', 'a\rb', 'a\u2028b', 'a\u0085b'])(
    'refuses %j, which would end the comment',
    (value) => {
      expect(
        configErrorOf(() => commentText(value, 'options.litestream.dbPath', 'litestream.yml'))
          .message,
      ).toBe(
        "The database path can't be written into litestream.yml as it is: it contains a line break or control character. Check that it was copied correctly.",
      );
    },
  );

  it('passes other text through', () => {
    expect(commentText("/srv/it's #1", 'f', 'x')).toBe("/srv/it's #1");
  });
});

describe('markdownCode', () => {
  it.each([
    ['logs/', '`logs/`'],
    ['a`b', '``a`b``'],
    ['`a', '`` `a ``'],
    ['a``', '``` a`` ```'],
    [' a ', '`  a  `'],
    ['a\nb', '`a\\u000ab`'],
  ])('shows %j as %s', (value, markdown) => {
    expect(markdownCode(value)).toBe(markdown);
  });
});
