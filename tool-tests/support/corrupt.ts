// Broken generators, simulated on a good file: the key ID and the application key swapped, or the
// region changed. Each tool must then fail, which proves its test would catch such a generator bug.

export const WRONG_REGION = 'us-east-1';

/** Every occurrence of the key ID becomes the application key and the other way round. */
export function swapKeyPair(content: string, keyId: string, key: string): string {
  const placeholder = '\u0000KEY-ID\u0000';
  const swapped = content
    .replaceAll(keyId, placeholder)
    .replaceAll(key, keyId)
    .replaceAll(placeholder, key);
  if (swapped === content)
    throw new Error('swapKeyPair: the file holds neither the key ID nor the key');
  return swapped;
}

/** Every occurrence of the region becomes another region. */
export function changeRegion(content: string, region: string, to = WRONG_REGION): string {
  if (!content.includes(region))
    throw new Error(`changeRegion: the file does not hold the region ${region}`);
  return content.replaceAll(region, to);
}
