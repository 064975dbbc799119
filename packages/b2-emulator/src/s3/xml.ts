/**
 * The little XML the S3 API needs: answers built from nested values, and the two request bodies
 * (DeleteObjects, CompleteMultipartUpload) read by tag. No DTDs, no namespaces beyond the default.
 */

export const S3_XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';

export type XmlValue = string | number | boolean | null | undefined | XmlNode | XmlValue[];
export interface XmlNode {
  [tag: string]: XmlValue;
}

/** Text content only needs &, < and > escaped (the emulator writes no attributes but xmlns). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt' }[c]};`);
}

function render(tag: string, value: XmlValue): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => render(tag, v)).join('');
  if (typeof value === 'object') {
    const inner = Object.entries(value)
      .map(([t, v]) => render(t, v))
      .join('');
    return `<${tag}>${inner}</${tag}>`;
  }
  return `<${tag}>${escapeXml(String(value))}</${tag}>`;
}

/** `<?xml …?><Root xmlns="…">…</Root>`; undefined and null children are left out, arrays repeat the tag. */
export function xmlDocument(root: string, body: XmlNode, xmlns = true): string {
  const inner = Object.entries(body)
    .map(([t, v]) => render(t, v))
    .join('');
  const attrs = xmlns ? ` xmlns="${S3_XMLNS}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${attrs}>${inner}</${root}>`;
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] ?? '';
  });
}

/** The text of each `<tag>…</tag>` (or `<ns:tag …>`) element in `xml`, in order, raw (not unescaped). */
export function elements(xml: string, tag: string): string[] {
  const pattern = new RegExp(
    `<(?:[A-Za-z0-9_-]+:)?${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[A-Za-z0-9_-]+:)?${tag}>`,
    'g',
  );
  return [...xml.matchAll(pattern)].map((m) => m[1] ?? '');
}

/** The unescaped, trimmed text of the first `<tag>` in `xml`, or undefined. */
export function text(xml: string, tag: string): string | undefined {
  const [first] = elements(xml, tag);
  if (first === undefined) return undefined;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(first);
  return cdata ? cdata[1] : unescapeXml(first.trim());
}
