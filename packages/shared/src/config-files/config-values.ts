// What the generators share: option defaults, the parsed S3 endpoint, and the error for a value a
// format cannot carry unchanged.
import { configNameProblem } from '../rules/config-name';
import { targetOptionsSchema, type TargetOptions } from '../schemas/setup-request';
import type { GeneratedFile } from '../schemas/api';
import type { ConfigValues } from './types';

/** A value that would change meaning in a config file. `field` is its path in ConfigValues. */
export class ConfigValueError extends Error {
  override readonly name = 'ConfigValueError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The tool's entry name (remote, profile, disk) as the schema allows it, or a ConfigValueError. */
export function configName(field: string, label: string, name: string): string {
  const problem = configNameProblem(label, name);
  if (problem) throw new ConfigValueError(field, problem);
  return name;
}

type ResolvedTargetOptions = { [K in keyof TargetOptions]-?: NonNullable<TargetOptions[K]> };

const optionShapes = targetOptionsSchema.shape;

/** Each target's options when the request left them out; the defaults live in the schema. */
export const DEFAULT_TARGET_OPTIONS: ResolvedTargetOptions = {
  litestream: optionShapes.litestream.unwrap().parse({}),
  jetbackup: optionShapes.jetbackup.unwrap().parse({}),
  laravel: optionShapes.laravel.unwrap().parse({}),
  rclone: optionShapes.rclone.unwrap().parse({}),
  restic: optionShapes.restic.unwrap().parse({}),
  awsCli: optionShapes.awsCli.unwrap().parse({}),
};

export function targetOptions<K extends keyof TargetOptions>(
  values: ConfigValues,
  target: K,
): ResolvedTargetOptions[K] {
  // The cast only restates the mapped type, which TypeScript cannot follow through `??`.
  return (values.options[target] ?? DEFAULT_TARGET_OPTIONS[target]) as ResolvedTargetOptions[K];
}

export interface ParsedEndpoint {
  /** scheme://host[:port], without a trailing slash. */
  url: string;
  /** host[:port], without the scheme. */
  host: string;
  https: boolean;
  region: string;
}

/** The S3 endpoint as the formats need it. A bare host is taken as https://host. */
export function parseEndpoint(values: ConfigValues): ParsedEndpoint {
  const raw = values.endpoint.s3Endpoint.trim();
  let url: URL | undefined;
  try {
    url = new URL(raw.includes('://') ? raw : `https://${raw}`);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username ||
    url.password ||
    url.pathname !== '/' ||
    url.search ||
    url.hash
  ) {
    throw new ConfigValueError(
      'endpoint.s3Endpoint',
      `'${values.endpoint.s3Endpoint}' is not an S3 endpoint. It should look like https://s3.us-west-004.backblazeb2.com.`,
    );
  }
  const region = values.endpoint.s3Region;
  if (!/^[A-Za-z0-9-]+$/.test(region)) {
    throw new ConfigValueError(
      'endpoint.s3Region',
      `'${region}' is not a region. It should look like us-west-004.`,
    );
  }
  return { url: url.origin, host: url.host, https: url.protocol === 'https:', region };
}

export const MEDIA_TYPES = {
  yaml: 'application/yaml',
  json: 'application/json',
  markdown: 'text/markdown; charset=utf-8',
  php: 'text/x-php; charset=utf-8',
  text: 'text/plain; charset=utf-8',
} as const;

export function textFile(
  target: GeneratedFile['target'],
  filename: string,
  mediaType: string,
  lines: readonly string[],
): GeneratedFile {
  return { target, filename, mediaType, content: `${lines.join('\n')}\n` };
}
