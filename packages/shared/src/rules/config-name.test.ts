import { describe, expect, it } from 'vitest';
import { CONFIG_NAME_MAX, configNameProblem } from './config-name';

describe('configNameProblem', () => {
  it.each(['b2', 'B2_backups', 'my-remote', 'x'.repeat(CONFIG_NAME_MAX)])('accepts %s', (name) => {
    expect(configNameProblem('Remote name', name)).toBeNull();
  });

  it.each([
    ['', 'Enter a remote name.'],
    ['x'.repeat(CONFIG_NAME_MAX + 1), 'Remote name can have at most 64 characters.'],
    ['b2 s3', "Remote name can only use letters, digits, '-' and '_'."],
    ["b2' => [],", "Remote name can only use letters, digits, '-' and '_'."],
    ['b2]\n[x', "Remote name can only use letters, digits, '-' and '_'."],
    ['-b2', "Remote name can't start with '-'."],
  ])('refuses %j: %s', (name, message) => {
    expect(configNameProblem('Remote name', name)).toBe(message);
  });
});
