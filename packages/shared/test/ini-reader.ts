// A small INI reader with the rules rclone, the AWS CLI and s3cmd share: comments only on their own
// lines, the value is the rest of the line after '=' with the ends trimmed, and indented lines
// continue the previous key (the AWS CLI's nested `s3 =` settings).
export type Ini = Record<string, Record<string, string>>;

export function readIni(text: string): Ini {
  const ini: Ini = {};
  let section: Record<string, string> | undefined;
  let lastKey: string | undefined;
  for (const line of text.split('\n')) {
    if (/^\s*([#;].*)?$/.test(line)) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = ini[header[1]!] = {};
      lastKey = undefined;
      continue;
    }
    if (!section) throw new Error(`Line outside a section: ${line}`);
    if (/^\s/.test(line) && lastKey !== undefined) {
      section[lastKey] += `\n${line.trim()}`;
      continue;
    }
    const pair = /^([A-Za-z0-9_]+) = ?(.*)$/.exec(line);
    if (!pair) throw new Error(`Not an INI line: ${line}`);
    lastKey = pair[1]!;
    section[lastKey] = pair[2]!.trim();
  }
  return ini;
}
