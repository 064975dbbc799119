// Bad input, property-based: malformed bodies of every kind to every endpoint, over real HTTP.
// Every answer must be a 4xx JSON error naming the problem; none may be a 5xx or reach B2; the
// server must serve a correct setup afterwards.
import { Agent, request as httpRequest } from 'node:http';
import type { Emulator } from '@b2wiz/b2-emulator';
import {
  applyRequestSchema,
  connectRequestSchema,
  errorEnvelopeSchema,
  setupRequestSchema,
} from '@b2wiz/shared';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applySetup,
  connectMaster,
  setupRequest,
  startApp,
  startEmulator,
  type TestApp,
  writeCalls,
} from '../helpers';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const BATCH = 25;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const CATEGORIES = [
  'broken JSON',
  'wrong type',
  'content type',
  'oversized',
  'prototype key',
  'control character',
  'lone surrogate',
  'invalid UTF-8',
  'deep nesting',
] as const;
type Category = (typeof CATEGORIES)[number];

/** What a body-taking endpoint must answer, by category. */
const EXPECTED: Record<Category, string[]> = {
  'broken JSON': ['invalid_json'],
  'wrong type': ['invalid_request'],
  'content type': ['unsupported_media_type'],
  oversized: ['payload_too_large'],
  'prototype key': ['invalid_request'],
  'control character': ['invalid_request'],
  'lone surrogate': ['invalid_request'],
  'invalid UTF-8': ['invalid_encoding'],
  'deep nesting': ['invalid_request', 'invalid_json'],
};

interface Endpoint {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** The valid body the malformed ones are made from; none for endpoints that take no body. */
  base: Json | null;
  schema: z.ZodType | null;
}

interface Case {
  endpoint: Endpoint;
  category: Category;
  contentType: string | null;
  body: Buffer;
  /** For a prototype key: the field the answer must name. */
  field?: string;
  [fc.toStringMethod]?: () => string;
}

// --- Valid bodies and their parts -----------------------------------------------------------------
const planBody = (): Json => {
  const base = setupRequest('rclone', 'fuzz-bucket-0001');
  return JSON.parse(
    JSON.stringify({
      ...base,
      key: { ...base.key, namePrefix: 'backups/', validDays: 30 },
      options: { rclone: { remoteName: 'b2' } },
    }),
  ) as Json;
};

const ENDPOINTS: Endpoint[] = [
  {
    method: 'POST',
    path: '/api/session',
    base: { applicationKeyId: '0123456789ab', applicationKey: 'K000notARealSecret' },
    schema: connectRequestSchema,
  },
  { method: 'POST', path: '/api/setup/plan', base: planBody(), schema: setupRequestSchema },
  {
    method: 'POST',
    path: '/api/setup/apply',
    base: { ...(planBody() as object), idempotencyKey: 'fuzz-apply-0001' } as Json,
    schema: applyRequestSchema,
  },
  { method: 'GET', path: '/api/health', base: null, schema: null },
  { method: 'GET', path: '/api/session', base: null, schema: null },
  { method: 'DELETE', path: '/api/session', base: null, schema: null },
  { method: 'GET', path: '/api/buckets', base: null, schema: null },
];
/** Bodiless endpoints get the malformed bodies made for apply. */
const APPLY = ENDPOINTS[2]!;

function paths(value: Json, at: Path = []): { path: Path; value: Json }[] {
  const here = [{ path: at, value }];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  }
  return here;
}

const typeOf = (v: Json) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const clone = (v: Json): Json => JSON.parse(JSON.stringify(v)) as Json;

function setAt(root: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const copy = clone(root);
  let node = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, Json>;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** Adds an own, enumerable key (so "__proto__" is a key, as JSON.parse makes it, not a setter). */
function addKey(root: Json, path: Path, key: string, value: Json): Json {
  const copy = clone(root);
  let node = copy as Record<string | number, Json>;
  for (const step of path) node = node[step] as Record<string | number, Json>;
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function renameKey(root: Json, path: Path, from: string, to: string): Json {
  const copy = clone(root);
  let node = copy as Record<string, Json>;
  for (const step of path) node = node[step as string] as Record<string, Json>;
  const rebuilt = Object.fromEntries(
    Object.entries(node).map(([k, v]) => [k === from ? to : k, v]),
  );
  for (const k of Object.keys(node)) delete node[k];
  Object.assign(node, rebuilt);
  return copy;
}

const insertAt = (text: string, at: number, piece: string) => {
  const i = at % (text.length + 1);
  return text.slice(0, i) + piece + text.slice(i);
};

const utf8 = (value: Json) => Buffer.from(JSON.stringify(value), 'utf8');

// --- Arbitraries --------------------------------------------------------------------------------
const anyJson = (depth = 1): fc.Arbitrary<Json> =>
  fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ maxLength: 8 }),
    ...(depth > 0
      ? [
          fc.array(anyJson(depth - 1), { maxLength: 3 }),
          fc.dictionary(fc.string({ maxLength: 6 }), anyJson(depth - 1), { maxKeys: 3 }),
        ]
      : []),
  ) as fc.Arbitrary<Json>;

const CONTROL = [
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)),
  '\x7f',
  ...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i)),
  '\u2028',
  '\u2029',
];
const INVALID_UTF8 = [
  [0xff],
  [0xfe],
  [0x80],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];
const BAD_CONTENT_TYPES = [
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----fuzz',
  'application/xml',
  'text/html',
  'application/octet-stream',
  'application/javascript',
  'application/json; charset=utf-16',
  'application/json; charset=iso-8859-1',
  'application/json; charset=latin1',
];

function caseFor(endpoint: Endpoint): fc.Arbitrary<Case> {
  const source = endpoint.base === null ? APPLY : endpoint;
  const base = source.base!;
  const all = paths(base);
  const strings = all.filter((p) => typeof p.value === 'string');
  const objects = all.filter((p) => typeOf(p.value) === 'object');
  const withKeys = objects.filter((p) => Object.keys(p.value as object).length > 0);
  const json = 'application/json';
  const make = (category: Category, body: Buffer, extra: Partial<Case> = {}): Case => ({
    endpoint,
    category,
    contentType: json,
    body,
    ...extra,
    // How fast-check prints a counterexample: the request, not the endpoint's schema.
    [fc.toStringMethod]() {
      const shown = this.body.toString('latin1');
      return `${endpoint.method} ${endpoint.path} [${category}] Content-Type: ${String(this.contentType)} body(${this.body.length} bytes): ${JSON.stringify(shown.length > 200 ? `${shown.slice(0, 200)}…` : shown)}`;
    },
  });
  const text = JSON.stringify(base);
  const schema = source.schema!;

  const broken = fc
    .oneof(
      fc.integer({ min: 1, max: text.length - 1 }).map((n) => text.slice(0, n)),
      fc
        .tuple(fc.nat(), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', "'", 'x'))
        .map(([at, ch]) => insertAt(text, at, ch)),
      fc.constantFrom(
        `${text}}`,
        `${text},`,
        text.replace(/"/g, "'"),
        text.replace(/"([a-zA-Z]+)":/g, '$1:'),
        text.replace(/}$/, ',}'),
        `/* note */${text}`,
        '{"a": NaN}',
        '{"a": Infinity}',
        '{"a": undefined}',
        '{"a": 0x10}',
        'true',
        'null',
        '42',
        '"text"',
        '   ',
        '{',
      ),
      fc.string({ minLength: 1, maxLength: 40 }),
    )
    .filter((t) => {
      try {
        const parsed: unknown = JSON.parse(t);
        return typeof parsed !== 'object' || parsed === null; // strict mode refuses these
      } catch {
        return t.length > 0;
      }
    })
    .map((t) => make('broken JSON', Buffer.from(t, 'utf8')));

  const wrongType = fc
    .oneof(
      fc
        .tuple(fc.constantFrom(...all.filter((p) => p.path.length > 0)), anyJson())
        .filter(([p, v]) => typeOf(p.value) !== typeOf(v))
        .map(([p, v]) => setAt(base, p.path, v)),
      fc.constantFrom<Json>([], [base], [[base]]),
    )
    .filter((body) => !schema.safeParse(body).success)
    .map((body) => make('wrong type', utf8(body)));

  const contentType = fc
    .tuple(
      fc.oneof(
        fc.constantFrom(...BAD_CONTENT_TYPES),
        fc
          .string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz/+-.;= 0123456789') })
          .filter((ct) => ct.trim() !== '' && !ct.includes('json')),
      ),
      fc.boolean(),
    )
    .map(([ct, omit]) =>
      make('content type', Buffer.from(text), { contentType: omit ? null : ct }),
    );

  const oversized = fc
    .tuple(fc.constantFrom(...strings), fc.integer({ min: 65 * 1024, max: 80 * 1024 }))
    .map(([p, n]) => make('oversized', utf8(setAt(base, p.path, 'a'.repeat(n)))));

  const prototypeKey = fc
    .tuple(
      fc.constantFrom(...objects),
      fc.constantFrom('__proto__', 'constructor', 'prototype'),
      fc.oneof(fc.constant<Json>({ polluted: true }), anyJson()),
    )
    .map(([p, key, value]) =>
      make('prototype key', utf8(addKey(base, p.path, key, value)), {
        field: [...p.path, key].join('.'),
      }),
    );

  const insertChar = (category: Category, chars: fc.Arbitrary<string>) =>
    fc.oneof(
      fc
        .tuple(fc.constantFrom(...strings), fc.nat(), chars)
        .map(([p, at, ch]) =>
          make(category, utf8(setAt(base, p.path, insertAt(p.value as string, at, ch)))),
        ),
      fc
        .tuple(fc.constantFrom(...withKeys), fc.nat(), fc.nat(), chars)
        .map(([p, which, at, ch]) => {
          const keys = Object.keys(p.value as object);
          const from = keys[which % keys.length]!;
          return make(category, utf8(renameKey(base, p.path, from, insertAt(from, at, ch))));
        }),
    );

  const invalidUtf8 = fc
    .tuple(fc.constantFrom(...strings), fc.constantFrom(...INVALID_UTF8))
    .map(([p, bytes]) => {
      const marked = utf8(setAt(base, p.path, `QZQZQZ${p.value as string}`));
      const at = marked.indexOf('QZQZQZ');
      return make(
        'invalid UTF-8',
        Buffer.concat([marked.subarray(0, at), Buffer.from(bytes), marked.subarray(at + 6)]),
      );
    });

  const deep = fc
    .tuple(fc.integer({ min: 17, max: 10_000 }), fc.boolean())
    .map(([depth, arrays]) =>
      make(
        'deep nesting',
        Buffer.from(
          arrays
            ? `${'['.repeat(depth)}${']'.repeat(depth)}`
            : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
        ),
      ),
    );

  return fc.oneof(
    { arbitrary: broken, weight: 3 },
    { arbitrary: wrongType, weight: 4 },
    { arbitrary: contentType, weight: 2 },
    { arbitrary: oversized, weight: 1 },
    { arbitrary: prototypeKey, weight: 2 },
    { arbitrary: insertChar('control character', fc.constantFrom(...CONTROL)), weight: 2 },
    {
      arbitrary: insertChar(
        'lone surrogate',
        fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
      ),
      weight: 2,
    },
    { arbitrary: invalidUtf8, weight: 2 },
    { arbitrary: deep, weight: 1 },
  );
}

const anyCase = fc.oneof(
  ...ENDPOINTS.map((endpoint) => ({
    arbitrary: caseFor(endpoint),
    weight: endpoint.base === null ? 1 : 3,
  })),
);

// --- Sending ------------------------------------------------------------------------------------
let emulator: Emulator;
let t: TestApp;
let cookie: string;
const agent = new Agent({ keepAlive: true, maxSockets: BATCH });

beforeAll(async () => {
  emulator = await startEmulator({ s3Url: undefined });
  t = await startApp({ b2ApiUrl: emulator.url });
  const connected = await connectMaster(t.agent(), emulator).expect(200);
  cookie = String(connected.headers['set-cookie']).split(';')[0]!;
});
afterAll(async () => {
  agent.destroy();
  await t.close();
  await emulator.close();
});

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

function send(c: Case): Promise<Answer> {
  const url = new URL(c.endpoint.path, t.url);
  const headers: Record<string, string | number> = {
    Cookie: cookie,
    'Content-Length': c.body.length,
  };
  if (c.contentType !== null) headers['Content-Type'] = c.contentType;
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: c.endpoint.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(c.body);
  });
}

/** Why this answer is wrong for this case, or null. */
function judge(c: Case, answer: Answer): string | null {
  if (answer.status >= 500) return `a ${answer.status}`;
  if (answer.status < 400) return `accepted with ${answer.status}`;
  if (!answer.contentType.startsWith('application/json')) return `not JSON: ${answer.contentType}`;
  const parsed = errorEnvelopeSchema.safeParse(JSON.parse(answer.text));
  if (!parsed.success) return 'not the error envelope';
  const { error } = parsed.data;
  const expected = c.endpoint.base === null ? ['unexpected_body'] : EXPECTED[c.category];
  if (!expected.includes(error.code)) return `code ${error.code}, expected ${expected.join('/')}`;
  if (error.message.trim().length < 10) return 'no message';
  if (error.code === 'invalid_request' && !error.field) return 'no field named';
  if (c.field !== undefined && c.endpoint.base !== null && error.field !== c.field) {
    return `field ${error.field}, expected ${c.field}`;
  }
  return null;
}

describe('bad input', () => {
  it('when thousands of malformed bodies reach every endpoint, then each gets a 4xx JSON error naming the problem, and a setup still works', async () => {
    const perEndpoint = new Map<string, number>();
    const perCategory = new Map<string, number>();
    let cases = 0;
    let fiveHundreds = 0;
    const writesBefore = writeCalls(emulator);

    await fc.assert(
      fc.asyncProperty(fc.array(anyCase, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        const answers = await Promise.all(batch.map(send));
        batch.forEach((c, i) => {
          cases += 1;
          const name = `${c.endpoint.method} ${c.endpoint.path}`;
          perEndpoint.set(name, (perEndpoint.get(name) ?? 0) + 1);
          perCategory.set(c.category, (perCategory.get(c.category) ?? 0) + 1);
          if (answers[i]!.status >= 500) fiveHundreds += 1;
        });
        for (const [i, c] of batch.entries()) {
          const problem = judge(c, answers[i]!);
          if (problem) {
            throw new Error(
              `${c.endpoint.method} ${c.endpoint.path} (${c.category}, ${c.contentType}): ${problem}\n` +
                `body: ${c.body.subarray(0, 300).toString('utf8')}\nanswer: ${answers[i]!.text.slice(0, 300)}`,
            );
          }
        }
      }),
      { numRuns: Math.ceil(RUNS / BATCH) },
    );

    // Nothing malformed reached B2, and nothing was polluted.
    expect(writeCalls(emulator)).toBe(writesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // A correct setup afterwards, from a fresh browser.
    const browser = t.agent();
    await connectMaster(browser, emulator).expect(200);
    const done = await applySetup(browser, setupRequest('rclone', 'after-the-fuzz')).expect(200);
    expect(done.body.verification.ok).toBe(true);

    console.log(
      [
        `  per endpoint: ${[...perEndpoint].map(([k, v]) => `${k} ${v}`).join(', ')}`,
        `  per kind: ${CATEGORIES.map((k) => `${k} ${perCategory.get(k) ?? 0}`).join(', ')}`,
        `bad-input fuzz: ${cases} cases, ${fiveHundreds} 5xx, then a correct setup completed`,
      ].join('\n'),
    );
    expect(cases).toBeGreaterThanOrEqual(RUNS);
    expect(fiveHundreds).toBe(0);
  }, 120_000);
});
