// One definition of "control character" for the request schema and the config-file generators,
// so every value the schema accepts can be written into a file.

/** C0 and C1 controls, DEL, and U+2028/U+2029, which YAML and JavaScript read as line breaks. */
export function isControlCharacter(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}

export function hasControlCharacter(text: string): boolean {
  return [...text].some(isControlCharacter);
}
