// Reading a field sheet (cPanel, Synology, Cyberduck) as a person copying it would: "Label: value"
// lines, by label; a later section's lines do not overwrite the first one's.
import { run, tool, type RunResult } from './tools';

export function sheetFields(text: string, from = 0): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n').slice(from)) {
    const m = /^([A-Z][A-Za-z0-9 ()]+): (.+)$/.exec(line);
    if (m && !(m[1]! in fields)) fields[m[1]!] = m[2]!;
  }
  return fields;
}

/** The real AWS CLI with a key pair and region given as a form would take them. */
export function awsWith(
  dir: string,
  values: { keyId: string; key: string; region: string; endpointUrl: string },
  args: string[],
): Promise<RunResult> {
  return run(tool('aws'), ['--endpoint-url', values.endpointUrl, ...args], {
    cwd: dir,
    env: {
      AWS_ACCESS_KEY_ID: values.keyId,
      AWS_SECRET_ACCESS_KEY: values.key,
      AWS_DEFAULT_REGION: values.region,
      AWS_MAX_ATTEMPTS: '1',
    },
  });
}
