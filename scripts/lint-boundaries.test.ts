// The boundaries lint enforces, tried on code that breaks them: a backblaze-b2 import outside
// apps/api/src/b2/, a step importing a sibling step, the web's api/ importing the store, and an
// import cycle (type-only imports counted).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function rulesBroken(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint boundaries', () => {
  it('when code outside apps/api/src/b2/ imports backblaze-b2, then lint fails; inside b2/ it may', async () => {
    const code = "import B2 from 'backblaze-b2';\nexport const b2 = B2;\n";
    expect(await rulesBroken('apps/api/src/services/direct-b2.ts', code)).toContain(
      'no-restricted-imports',
    );
    expect(await rulesBroken('apps/api/src/b2/direct-b2.ts', code)).not.toContain(
      'no-restricted-imports',
    );
  });

  it('when a step imports a sibling step, then lint fails', async () => {
    const code =
      "import { BucketStep } from '../bucket/bucket-step';\nexport const Step = BucketStep;\n";
    expect(
      await rulesBroken('apps/web/src/features/setup-wizard/steps/review/sibling.tsx', code),
    ).toContain('import-x/no-restricted-paths');
  });

  it('when the web api/ imports the wizard store, then lint fails', async () => {
    const code =
      "import { useWizardStore } from '../wizard-store';\nexport const store = useWizardStore;\n";
    expect(
      await rulesBroken('apps/web/src/features/setup-wizard/api/reads-store.ts', code),
    ).toContain('import-x/no-restricted-paths');
  });
});

describe('the import cycle check', () => {
  const run = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'b2wiz-cycles-'));
    try {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      return spawnSync(process.execPath, [join(root, 'scripts/check-import-cycles.mjs'), dir], {
        encoding: 'utf8',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('when two modules import each other, if only for a type, then it fails and names the cycle', () => {
    const res = run({
      'apps/api/src/services/a.ts': "import type { B } from './b';\nexport type A = { b: B };\n",
      'apps/api/src/services/b.ts': "import { a } from './a';\nexport type B = typeof a;\n",
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/import cycle: apps\/api\/src\/services\/(a|b)\.ts → /);
  });

  it('when imports run one way, then it passes', () => {
    const res = run({
      'apps/api/src/services/a.ts': "import type { B } from './b';\nexport type A = { b: B };\n",
      'apps/api/src/services/b.ts': 'export type B = string;\n',
    });
    expect(res.status).toBe(0);
    expect(res.stdout).toBe('import cycles: none in 2 source files (type imports counted)\n');
  });
});
