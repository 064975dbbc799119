// The names a config file gives the tool's entry (rclone remote, AWS CLI profile, Laravel disk):
// one rule for the request schema and the config-file generators, so a name the schema accepts
// can be written into an INI section header or a PHP array key as it is.

export const CONFIG_NAME_MAX = 64;

/** What is wrong with `name`, as `label` ("Remote name"), or null. */
export function configNameProblem(label: string, name: string): string | null {
  if (name.length === 0) return `Enter a ${label.toLowerCase()}.`;
  if (name.length > CONFIG_NAME_MAX) {
    return `${label} can have at most ${CONFIG_NAME_MAX} characters.`;
  }
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    return `${label} can only use letters, digits, '-' and '_'.`;
  }
  // rclone refuses remote names that start with '-', and `--profile -x` reads as an option.
  if (name.startsWith('-')) return `${label} can't start with '-'.`;
  return null;
}
