// Reads the .env forms the generators write, as sh and the dotenv libraries do: an optional
// `export `, NAME=, then bare characters and 'single-quoted' runs, with \' outside quotes.
// Comment lines are skipped; anything else (an unquoted space, a trailing comment) is an error.
export function readEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const assignment = /^(?:export )?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!assignment) throw new Error(`Not an assignment: ${line}`);
    env[assignment[1]!] = readShellWord(assignment[2]!);
  }
  return env;
}

export function readShellWord(word: string): string {
  let value = '';
  let i = 0;
  while (i < word.length) {
    if (word[i] === "'") {
      const end = word.indexOf("'", i + 1);
      if (end === -1) throw new Error(`Unclosed quote: ${word}`);
      value += word.slice(i + 1, end);
      i = end + 1;
    } else if (word.startsWith("\\'", i)) {
      value += "'";
      i += 2;
    } else if (/[\s#"\\$`]/.test(word[i]!)) {
      throw new Error(`Unquoted '${word[i]}' in: ${word}`);
    } else {
      value += word[i];
      i += 1;
    }
  }
  return value;
}
