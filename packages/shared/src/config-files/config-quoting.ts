// Quoting per format. Each helper returns text that its format reads back as exactly the value
// given, or throws ConfigValueError when the format has no way to carry it.
import { stringify } from 'yaml';
import { hasControlCharacter, isControlCharacter } from '../rules/control-characters';
import { ConfigValueError } from './config-values';
import type { ConfigValues } from './types';

const FIELD_LABELS: Record<string, string> = {
  'key.applicationKeyId': 'The application key ID',
  'key.applicationKey': 'The application key',
  'bucket.bucketName': 'The bucket name',
  'bucket.bucketId': 'The bucket ID',
  'endpoint.s3Endpoint': 'The S3 endpoint',
  'endpoint.s3Region': 'The region',
  'options.litestream.dbPath': 'The database path',
  'options.litestream.replicaPath': 'The replica path',
  'options.jetbackup.destinationName': 'The destination name',
  'options.jetbackup.backupDirectory': 'The backup directory',
  'options.laravel.diskName': 'The disk name',
  'options.rclone.remoteName': 'The remote name',
  'options.restic.repositoryPath': 'The repository path',
  'options.awsCli.profile': 'The profile name',
};

function labelOf(field: string): string {
  return FIELD_LABELS[field] ?? `The value of ${field}`;
}

function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function refuse(field: string, filename: string, reason: string): never {
  throw new ConfigValueError(
    field,
    `${labelOf(field)} can't be written into ${filename} as it is: it ${reason}. Check that it was copied correctly.`,
  );
}

/** Characters a plain YAML scalar may hold anywhere (no space, so no ': ' or ' #'). */
const PLAIN_CHARS = /^[A-Za-z0-9/][A-Za-z0-9_./+:-]*$/;
/** After a first digit: a letter no YAML number, date or time holds (e, t, z) outside 0x/0o/0b. */
const NOT_NUMERIC = /^(?!0[xXoObB])[0-9].*[a-df-su-yA-DF-SU-Y]/;
/** Words YAML 1.1 or 1.2 reads as booleans or null, in any case. */
const YAML_WORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);

/** True when YAML 1.1 and 1.2 both read `value`, unquoted, as this very string. */
function isPlainSafe(value: string): boolean {
  if (!PLAIN_CHARS.test(value) || value.endsWith(':')) return false;
  if (/^[0-9]/.test(value)) return NOT_NUMERIC.test(value);
  // The yaml package's YAML 1.1 reads "e5" or "E+1" as a number with its digits left out.
  if (/^[eE]/.test(value)) return false;
  return !YAML_WORDS.has(value.toLowerCase());
}

/** A YAML scalar on one line, quoted when YAML 1.1 or 1.2 would read it as anything but this string. */
export function yamlScalar(value: string): string {
  // A JSON string is a YAML double-quoted scalar; the yaml package would keep line breaks raw
  // (and fold them in single quotes), so control characters and separators are escaped here.
  if (hasControlCharacter(value)) {
    return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]/g, unicodeEscape);
  }
  // Most values (names, key IDs, keys) need no quotes: the yaml package, which is slow per
  // call, would write them unchanged.
  if (isPlainSafe(value)) return value;
  // 1.1 rules quote yes/no/on/off too, which Go YAML libraries (Litestream) read as booleans.
  return stringify(value, { version: '1.1', lineWidth: 0 }).replace(/\n$/, '');
}

/**
 * An INI value for rclone, the AWS CLI and s3cmd. None of them has a quoting rule the others share:
 * each reads the rest of the line and trims it, rclone strips backquotes and expands `%(name)s`,
 * s3cmd strips double quotes and reads a leading `$` as an environment variable. So a value is
 * written raw, and one that any of them would change is refused. The values that reach INI files
 * come from B2 (key ID, key, endpoint, region) or are names the request schema limits to letters,
 * digits, '-' and '_', so a refusal means the input is not what B2 returns.
 */
export function iniValue(value: string, field: string, filename: string): string {
  if (value === '') refuse(field, filename, 'is empty');
  if (hasControlCharacter(value))
    refuse(field, filename, 'contains a line break or control character');
  if (/^\s|\s$/.test(value)) refuse(field, filename, 'starts or ends with a space');
  if (/^["'`]/.test(value)) refuse(field, filename, 'starts with a quote');
  if (value.startsWith('$')) refuse(field, filename, "starts with '$'");
  if (value.includes('%(')) refuse(field, filename, "contains '%('");
  return value;
}

/** Writes one setting of a config file: `name` with `value`, which comes from the request's `field`. */
export type SettingLine = (name: string, value: string, field: string) => string;

/** `name = value` lines for the INI file `filename`, each value checked by iniValue. */
export function iniLines(filename: string): SettingLine {
  return (name, value, field) => `${name} = ${iniValue(value, field, filename)}`;
}

const PLAIN_WORD = /^[A-Za-z0-9_./:+=@%,-]*$/;

/**
 * A .env value that phpdotenv (Laravel), python-dotenv, Node's dotenv and `source` in sh all read
 * the same: bare when it has only safe characters, else in single quotes (literal everywhere).
 * A value with both a `'` and a need for quoting has no form they agree on, so it is refused.
 */
export function dotenvValue(value: string, field: string, filename: string): string {
  if (hasControlCharacter(value))
    refuse(field, filename, 'contains a line break or control character');
  if (PLAIN_WORD.test(value)) return value;
  if (value.includes("'")) refuse(field, filename, "contains a ' quote");
  return `'${value}'`;
}

/** `NAME=value` lines for the .env file `filename`, each value written by dotenvValue. */
export function dotenvLines(filename: string): SettingLine {
  return (name, value, field) => `${name}=${dotenvValue(value, field, filename)}`;
}

/** A POSIX shell word in single quotes; `'` becomes `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** A shell word quoted only when it needs to be, for commands shown in comments. */
export function shellWord(value: string): string {
  return value !== '' && PLAIN_WORD.test(value) ? value : shellQuote(value);
}

/** Text placed inside a comment line: it must not break out of the comment. */
export function commentText(value: string, field: string, filename: string): string {
  if (hasControlCharacter(value))
    refuse(field, filename, 'contains a line break or control character');
  return value;
}

/** The bucket's name, for a comment line of `filename`. */
export function bucketInComment(values: ConfigValues, filename: string): string {
  return commentText(values.bucket.bucketName, 'bucket.bucketName', filename);
}

/** A Markdown code span that shows `value` as it is; control characters are shown as \uXXXX. */
export function markdownCode(value: string): string {
  const visible = [...value]
    .map((ch) => (isControlCharacter(ch) ? unicodeEscape(ch) : ch))
    .join('');
  const longestRun = Math.max(0, ...(visible.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  // CommonMark strips one space from each end of a padded span, so pad when an end is a space or `.
  const pad = /^[ `]|[ `]$/.test(visible) ? ' ' : '';
  return `${fence}${pad}${visible}${pad}${fence}`;
}
