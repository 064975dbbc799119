// Cyberduck's bookmark (docs/targets.md "Cyberduck"): backblaze-b2.duck, the XML property list
// Cyberduck writes for a bookmark, for the S3 endpoint and bucket without the secret, and
// cyberduck-key.txt, which says where the secret goes.
import type { GeneratedFile } from '../schemas/api';
import { bucketInComment, commentText } from './config-quoting';
import { ConfigValueError, MEDIA_TYPES, parseEndpoint, textFile } from './config-values';
import type { ConfigValues } from './types';

export const CYBERDUCK_BOOKMARK = 'backblaze-b2.duck';
const SHEET = 'cyberduck-key.txt';

/** XML text; characters XML 1.0 cannot hold at all are refused. */
function xmlText(value: string, field: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(value)) {
    throw new ConfigValueError(
      field,
      `This value can't be written into ${CYBERDUCK_BOOKMARK}: it holds a control character. Check that it was copied correctly.`,
    );
  }
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A UUID that stays the same for the same key and bucket (the generators use no randomness). */
function stableUuid(seed: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x2166136, 0x5bd1e995].map((start) => {
    let h = start >>> 0;
    for (const ch of seed) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function portOf(values: ConfigValues): string {
  const endpoint = parseEndpoint(values);
  const port = new URL(endpoint.url).port;
  return port || (endpoint.https ? '443' : '80');
}

export function cyberduckBookmarkConfig(values: ConfigValues): GeneratedFile {
  const endpoint = parseEndpoint(values);
  const bucket = xmlText(values.bucket.bucketName, 'bucket.bucketName');
  const entry = (key: string, value: string) => [
    `\t<key>${key}</key>`,
    `\t<string>${value}</string>`,
  ];
  return textFile('cyberduck', CYBERDUCK_BOOKMARK, MEDIA_TYPES.text, [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    '<dict>',
    ...entry('Protocol', 's3'),
    ...entry('Nickname', `Backblaze B2: ${bucket}`),
    ...entry('UUID', stableUuid(`${values.key.applicationKeyId}/${values.bucket.bucketId}`)),
    ...entry('Hostname', new URL(endpoint.url).hostname),
    ...entry('Port', portOf(values)),
    ...entry('Username', xmlText(values.key.applicationKeyId, 'key.applicationKeyId')),
    ...entry('Path', `/${bucket}`),
    // What Backblaze's own S3 profiles for Cyberduck set: no checksum header B2 has rejected.
    '\t<key>Custom</key>',
    '\t<dict>',
    '\t\t<key>s3.upload.checksum.header</key>',
    '\t\t<string>false</string>',
    '\t</dict>',
    '</dict>',
    '</plist>',
  ]);
}

export function cyberduckSheetConfig(values: ConfigValues): GeneratedFile {
  const endpoint = parseEndpoint(values);
  const bucket = bucketInComment(values, SHEET);
  const line = (label: string, value: string, field: string) =>
    `${label}: ${commentText(value, field, SHEET)}`;
  return textFile('cyberduck', SHEET, MEDIA_TYPES.text, [
    `Cyberduck bookmark for the Backblaze B2 bucket ${bucket}`,
    '',
    `1. Open ${CYBERDUCK_BOOKMARK}: double-click it, or drag it onto Cyberduck's Bookmarks window.`,
    `2. Double-click the bookmark "Backblaze B2: ${bucket}" to connect.`,
    '3. Cyberduck asks for the Secret Access Key: paste the Application Key below, and let',
    '   Cyberduck save it, so that it does not ask again.',
    '',
    line('Server', `${new URL(endpoint.url).hostname}:${portOf(values)}`, 'endpoint.s3Endpoint'),
    line('Access Key ID (the Key ID)', values.key.applicationKeyId, 'key.applicationKeyId'),
    line(
      'Secret Access Key (the Application Key)',
      values.key.applicationKey,
      'key.applicationKey',
    ),
    line('Path', `/${values.bucket.bucketName}`, 'bucket.bucketName'),
    '',
    'Notes:',
    `- The bookmark holds no secret: Cyberduck keeps the key in your system's password store.`,
    '- The key reaches only this bucket, so the bookmark opens the bucket itself (the Path above).',
    '- Keep this file private: it holds the application key, which Backblaze shows only once.',
  ]);
}
