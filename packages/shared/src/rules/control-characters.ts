// One definition of "control character" for the request schema and the config-file generators,
// so every value the schema accepts can be written into a file.

/**
 * C0 and C1 controls, DEL, U+2028/U+2029 (which YAML and JavaScript read as line breaks), and a
 * lone UTF-16 surrogate (broken text that JSON can carry but no file format can).
 */
export function isControlCharacter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (ch.length === 1 && code >= 0xd800 && code <= 0xdfff)
  );
}

/**
 * Looks at whole code points, so an emoji is one character and never a lone surrogate. A loop
 * over char codes: it runs over every request value and every generated file, so it makes no array.
 */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
      return true;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      // A high surrogate followed by a low one is one code point; anything else is broken text.
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
    }
  }
  return false;
}
