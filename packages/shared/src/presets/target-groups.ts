// How the first step groups the tools, so a long list stays easy to scan (targetsByGroup in
// targets.ts lists each group's tools).

export const TARGET_GROUPS = ['backups', 'apps', 'files', 'panels', 'other'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  backups: 'Backups',
  apps: 'Your own app',
  files: 'Browsing and copying files',
  panels: 'Control panels and NAS',
  other: 'Anything else',
};
