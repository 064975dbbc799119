import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configValues } from '../../test/config-values-fixture';
import { generatedFileSchema } from '../schemas/api';
import { TARGETS, targetOptionsSchema } from '../schemas/setup-request';
import { generateFiles } from './generate-files';
import { configFileNote } from './registry';

const MEDIA_TYPE_BY_ENDING: [RegExp, string][] = [
  [/\.yml$/, 'application/yaml'],
  [/\.json$/, 'application/json'],
  [/\.md$/, 'text/markdown; charset=utf-8'],
  [/\.php$/, 'text/x-php; charset=utf-8'],
  [/./, 'text/plain; charset=utf-8'],
];

describe('generateFiles', () => {
  it.each([
    ['litestream', ['litestream.yml']],
    ['jetbackup', ['jetbackup-destination.txt']],
    ['laravel', ['laravel.env', 'filesystems-disk.php']],
    ['rclone', ['rclone.conf']],
    ['restic', ['restic.env']],
    ['aws-cli', ['aws-config', 'aws-credentials', '.s3cfg']],
    ['other', ['b2-credentials.env', 'b2-setup.json']],
    ['duplicity', ['duplicity.env']],
    ['python', ['b2_example.py']],
    ['node', ['b2-example.mjs']],
    ['cyberduck', ['backblaze-b2.duck', 'cyberduck-key.txt']],
    ['cpanel', ['cpanel-backup-destination.txt']],
    ['synology', ['synology-destination.txt']],
  ] as const)("gives %s's files, then SETUP-SUMMARY.md", (target, names) => {
    const files = generateFiles(configValues(target));
    expect(files.map((f) => f.filename)).toEqual([...names, 'SETUP-SUMMARY.md']);
    expect(files.map((f) => f.target)).toEqual([...names.map(() => target), 'all']);
  });

  it.each(TARGETS)(
    'gives %s files that fit the API schema, end in a newline and use the right media type',
    (target) => {
      for (const file of generateFiles(configValues(target))) {
        expect(generatedFileSchema.parse(file)).toEqual(file);
        expect(file.content).toMatch(/[^\n]\n$/);
        expect(file.mediaType).toBe(
          MEDIA_TYPE_BY_ENDING.find(([ending]) => ending.test(file.filename))![1],
        );
      }
    },
  );

  it('says what to do with every file, the summary included', () => {
    for (const target of TARGETS) {
      for (const file of generateFiles(configValues(target))) {
        expect(configFileNote(file.filename)?.length ?? 0).toBeGreaterThan(20);
      }
    }
    expect(configFileNote('SETUP-SUMMARY.md')).toBe(
      'What was created, for your records. It holds no secret.',
    );
    expect(configFileNote('unknown.txt')).toBeUndefined();
  });

  it('gives the same files for the same values', () => {
    expect(generateFiles(configValues('aws-cli'))).toEqual(generateFiles(configValues('aws-cli')));
  });

  it('passes on the error for a value a file cannot hold', () => {
    const values = configValues('rclone');
    values.key.applicationKey = ' K004';
    expect(() => generateFiles(values)).toThrow(
      "The application key can't be written into rclone.conf as it is: it starts or ends with a space. Check that it was copied correctly.",
    );
  });

  it('writes every file for any options the request schema accepts', () => {
    const text = fc.string({
      unit: fc.constantFrom(...' \t\n:#;-_./\\\'"$`%()=+ab1é😀\u2028\ud83d'),
      maxLength: 12,
    });
    const name = fc.string({
      unit: fc.constantFrom('a', 'B', '1', '_', '-', ' ', "'", ']'),
      maxLength: 8,
    });
    const raw = fc.record({
      litestream: fc.record({ dbPath: text.map((t) => `/${t}`), replicaPath: text }),
      jetbackup: fc.record({ destinationName: text, backupDirectory: text }),
      laravel: fc.record({ diskName: name }),
      rclone: fc.record({ remoteName: name }),
      restic: fc.record({ repositoryPath: text }),
      awsCli: fc.record({ profile: name }),
    });
    const shape = targetOptionsSchema.shape;
    // Each group the schema refuses is left out, so the target falls back to its defaults.
    const accepted = <T>(result: { success: boolean; data?: T }) =>
      result.success ? result.data : undefined;
    fc.assert(
      fc.property(raw, fc.constantFrom(...TARGETS), (given, target) => {
        const options = {
          litestream: accepted(shape.litestream.safeParse(given.litestream)),
          jetbackup: accepted(shape.jetbackup.safeParse(given.jetbackup)),
          laravel: accepted(shape.laravel.safeParse(given.laravel)),
          rclone: accepted(shape.rclone.safeParse(given.rclone)),
          restic: accepted(shape.restic.safeParse(given.restic)),
          awsCli: accepted(shape.awsCli.safeParse(given.awsCli)),
        };
        expect(() => generateFiles({ ...configValues(target), options })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
