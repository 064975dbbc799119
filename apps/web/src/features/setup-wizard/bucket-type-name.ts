// A bucket type's name in plain words, for the Bucket and Review steps alike.

export function bucketTypeName(type: string): string {
  if (type === 'allPrivate') return 'Private';
  if (type === 'allPublic') return 'Public';
  return type;
}
