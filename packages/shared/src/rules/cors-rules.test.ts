import { describe, expect, it } from 'vitest';
import {
  type CorsRuleInput,
  MAX_CORS_RULES,
  corsOriginProblem,
  corsRuleBytes,
  corsRuleNameProblem,
  corsRulesProblems,
} from './cors-rules';

const rule = (over: Partial<CorsRuleInput> = {}): CorsRuleInput => ({
  corsRuleName: 'downloadFromAnyOrigin',
  allowedOrigins: ['https://www.example.com'],
  allowedOperations: ['b2_download_file_by_name'],
  allowedHeaders: ['range'],
  exposeHeaders: ['x-bz-content-sha1'],
  maxAgeSeconds: 3600,
  ...over,
});

const problemsOf = (over: Partial<CorsRuleInput>) => corsRulesProblems([rule(over)]);

describe('corsRuleNameProblem', () => {
  it.each([6, 50])('accepts a name of %i characters', (n) => {
    expect(corsRuleNameProblem('a'.repeat(n))).toBeNull();
  });

  it.each([5, 51])('refuses a name of %i characters', (n) => {
    expect(corsRuleNameProblem('a'.repeat(n))).toBe(
      `CORS rule names need 6 to 50 characters (this one has ${n}).`,
    );
  });

  it.each(['b2-images', 'B2-images', 'b2-x'])("refuses the reserved start in '%s'", (name) => {
    expect(corsRuleNameProblem(name)).toBe(
      "CORS rule names can't start with 'b2-'. Choose another start.",
    );
  });

  it('names a character to remove', () => {
    expect(corsRuleNameProblem('my_rule_name')).toBe(
      "CORS rule names can only use letters, digits and '-'. Remove '_'.",
    );
  });
});

describe('corsOriginProblem', () => {
  it.each([
    '*',
    'https',
    'https://www.example.com',
    'http://www.example.com:8180',
    'https://*.example.com',
    'https://*:8443',
    'https://*',
    'http://localhost:65535',
  ])('accepts %s', (origin) => {
    expect(corsOriginProblem(origin)).toBeNull();
  });

  it('asks for an origin when it is empty', () => {
    expect(corsOriginProblem('')).toBe('Enter an origin, like https://www.example.com.');
  });

  it('suggests the origin without its path', () => {
    expect(corsOriginProblem('https://www.example.com/app/')).toBe(
      "An origin has no path: use 'https://www.example.com'.",
    );
  });

  it("refuses two '*' in one origin", () => {
    expect(corsOriginProblem('https://*.*.example.com')).toBe(
      "'https://*.*.example.com' has more than one '*'. Use at most one.",
    );
  });

  it.each(['https://example.com:0', 'https://example.com:65536'])(
    'refuses the port in %s',
    (origin) => {
      expect(corsOriginProblem(origin)).toBe(
        `The port in '${origin}' must be between 1 and 65535.`,
      );
    },
  );

  it.each(['www.example.com', 'ftp://example.com', 'https://exa mple.com'])(
    'explains what an origin looks like for %s',
    (origin) => {
      expect(corsOriginProblem(origin)).toBe(
        `'${origin}' is not an origin. Write the scheme and host, like https://www.example.com.`,
      );
    },
  );
});

describe('corsRulesProblems', () => {
  it('accepts a valid rule', () => {
    expect(corsRulesProblems([rule()])).toEqual([]);
  });

  it('puts a bad name on the corsRuleName field', () => {
    expect(problemsOf({ corsRuleName: 'short' })).toEqual([
      {
        path: [0, 'corsRuleName'],
        message: 'CORS rule names need 6 to 50 characters (this one has 5).',
      },
    ]);
  });

  it('refuses a duplicate name and says which rule has it', () => {
    expect(corsRulesProblems([rule(), rule()])).toEqual([
      {
        path: [1, 'corsRuleName'],
        message:
          "Rule 1 already has the name 'downloadFromAnyOrigin'. Each rule needs its own name.",
      },
    ]);
  });

  it('asks for at least one origin', () => {
    expect(problemsOf({ allowedOrigins: [] })).toEqual([
      { path: [0, 'allowedOrigins'], message: 'Add at least one origin.' },
    ]);
  });

  it("refuses '*' beside another origin", () => {
    expect(problemsOf({ allowedOrigins: ['*', 'https://www.example.com'] })).toEqual([
      {
        path: [0, 'allowedOrigins'],
        message:
          "'*' already means every origin, so it must be the only one. Remove the others or the '*'.",
      },
    ]);
  });

  it("refuses '*' twice", () => {
    expect(problemsOf({ allowedOrigins: ['*', '*'] })).toHaveLength(1);
  });

  it("refuses 'https' twice", () => {
    expect(problemsOf({ allowedOrigins: ['https', 'https'] })).toEqual([
      { path: [0, 'allowedOrigins'], message: "List 'https' only once." },
    ]);
  });

  it("refuses an https:// origin after 'https', but not before it", () => {
    expect(problemsOf({ allowedOrigins: ['https', 'https://x.example.com'] })).toEqual([
      {
        path: [0, 'allowedOrigins'],
        message: "'https' already covers every HTTPS origin. Remove the https:// origins after it.",
      },
    ]);
    expect(problemsOf({ allowedOrigins: ['https://x.example.com', 'https'] })).toEqual([]);
    expect(problemsOf({ allowedOrigins: ['https', 'http://x.example.com'] })).toEqual([]);
  });

  it('puts a bad origin on its own index', () => {
    expect(
      problemsOf({ allowedOrigins: ['https://ok.example.com', 'https://a.example.com/path'] }),
    ).toEqual([
      {
        path: [0, 'allowedOrigins', 1],
        message: "An origin has no path: use 'https://a.example.com'.",
      },
    ]);
  });

  it('refuses an unknown operation and lists the known ones', () => {
    expect(problemsOf({ allowedOperations: ['b2_download_file_by_name', 's3_list'] })).toEqual([
      {
        path: [0, 'allowedOperations', 1],
        message:
          "'s3_list' is not a B2 CORS operation. Use one of: b2_download_file_by_name, b2_download_file_by_id, b2_upload_file, b2_upload_part, s3_delete, s3_get, s3_head, s3_post, s3_put.",
      },
    ]);
  });

  it('asks for at least one operation', () => {
    expect(problemsOf({ allowedOperations: [] })).toEqual([
      { path: [0, 'allowedOperations'], message: 'Choose at least one operation.' },
    ]);
  });

  it("accepts header prefixes ending in '*' and a lone '*'", () => {
    expect(problemsOf({ allowedHeaders: ['x-bz-info-*', 'range'] })).toEqual([]);
    expect(problemsOf({ allowedHeaders: ['*'] })).toEqual([]);
    expect(problemsOf({ allowedHeaders: null, exposeHeaders: undefined })).toEqual([]);
  });

  it("refuses '*' beside another allowed header", () => {
    expect(problemsOf({ allowedHeaders: ['*', 'authorization'] })).toEqual([
      {
        path: [0, 'allowedHeaders'],
        message: "'*' already allows every header, so it must be the only one.",
      },
    ]);
  });

  it("refuses an allowed header with '*' in the middle or a space", () => {
    expect(problemsOf({ allowedHeaders: ['x-*-id', 'bad header'] })).toEqual([
      {
        path: [0, 'allowedHeaders', 0],
        message:
          "'x-*-id' is not a header name. Use a name like x-bz-content-sha1, or a prefix ending in '*'.",
      },
      {
        path: [0, 'allowedHeaders', 1],
        message:
          "'bad header' is not a header name. Use a name like x-bz-content-sha1, or a prefix ending in '*'.",
      },
    ]);
  });

  it('refuses a wildcard expose header', () => {
    expect(problemsOf({ exposeHeaders: ['x-bz-*'] })).toEqual([
      {
        path: [0, 'exposeHeaders', 0],
        message: "'x-bz-*' is not a full header name. Exposed headers can't use '*'.",
      },
    ]);
  });

  it.each([0, 86400])('accepts a max age of %i seconds', (maxAgeSeconds) => {
    expect(problemsOf({ maxAgeSeconds })).toEqual([]);
  });

  it.each([-1, 86401, 1.5])('refuses a max age of %d seconds', (maxAgeSeconds) => {
    expect(problemsOf({ maxAgeSeconds })).toEqual([
      {
        path: [0, 'maxAgeSeconds'],
        message: 'Max age must be a whole number of seconds from 0 to 86400 (one day).',
      },
    ]);
  });

  it('counts the UTF-8 bytes of every string in the rule', () => {
    expect(
      corsRuleBytes(
        rule({
          corsRuleName: 'é-rule',
          allowedOrigins: ['*'],
          allowedOperations: ['s3_get'],
          allowedHeaders: null,
          exposeHeaders: null,
        }),
      ),
    ).toBe(7 + 1 + 6);
  });

  it('accepts a rule of 999 bytes and refuses one of 1000', () => {
    // name (6) + operation (24) + headers: the rest, in one exposed header
    const sized = (bytes: number) =>
      rule({
        corsRuleName: 'sized1',
        allowedOrigins: ['*'],
        allowedOperations: ['b2_download_file_by_name'],
        allowedHeaders: null,
        exposeHeaders: ['x'.repeat(bytes - 6 - 1 - 24)],
      });
    expect(corsRuleBytes(sized(999))).toBe(999);
    expect(corsRulesProblems([sized(999)])).toEqual([]);
    expect(corsRulesProblems([sized(1000)])).toEqual([
      {
        path: [0],
        message:
          'Each CORS rule must be under 1000 bytes; this one is 1000. Remove some origins or headers.',
      },
    ]);
  });

  it('allows 100 rules and refuses 101 with the number to remove', () => {
    const rules = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        rule({ corsRuleName: `rule-${String(i).padStart(3, '0')}` }),
      );
    expect(corsRulesProblems(rules(MAX_CORS_RULES))).toEqual([]);
    expect(corsRulesProblems(rules(101))).toEqual([
      { path: [], message: 'B2 allows at most 100 CORS rules. Remove 1.' },
    ]);
  });
});
