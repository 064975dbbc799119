import type { ReactNode } from 'react';

/** Shows a line with Markdown code spans (as the shared rule descriptions write them). */
export function CodeSpans({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest.length > 0) {
    const open = /`+/.exec(rest);
    if (!open) break;
    const fence = open[0];
    const after = rest.slice(open.index + fence.length);
    const close = new RegExp(`(?<!\`)${fence}(?!\`)`).exec(after);
    if (!close) break;
    parts.push(rest.slice(0, open.index));
    let code = after.slice(0, close.index);
    if (code.length > 1 && code.startsWith(' ') && code.endsWith(' ')) code = code.slice(1, -1);
    parts.push(<code key={key++}>{code}</code>);
    rest = after.slice(close.index + fence.length);
  }
  parts.push(rest);
  return <>{parts}</>;
}
