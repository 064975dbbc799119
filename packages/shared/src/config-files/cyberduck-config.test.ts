import { describe, expect, it } from 'vitest';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { cyberduckBookmarkConfig, cyberduckSheetConfig } from './cyberduck-config';

describe('cyberduckBookmarkConfig', () => {
  it('writes an XML property list with protocol, host, port, key ID and the bucket as path, without the secret', () => {
    expect(cyberduckBookmarkConfig(configValues('cyberduck'))).toEqual({
      target: 'cyberduck',
      filename: 'backblaze-b2.duck',
      mediaType: 'text/plain; charset=utf-8',
      content: `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Protocol</key>
	<string>s3</string>
	<key>Nickname</key>
	<string>Backblaze B2: acme-db-backups</string>
	<key>UUID</key>
	<string>8debe1f0-9d0d-4ace-8825-4fab72844f60</string>
	<key>Hostname</key>
	<string>s3.us-west-004.backblazeb2.com</string>
	<key>Port</key>
	<string>443</string>
	<key>Username</key>
	<string>${KEY_ID}</string>
	<key>Path</key>
	<string>/acme-db-backups</string>
	<key>Custom</key>
	<dict>
		<key>s3.upload.checksum.header</key>
		<string>false</string>
	</dict>
</dict>
</plist>
`,
    });
  });

  it('never holds the secret', () => {
    expect(cyberduckBookmarkConfig(configValues('cyberduck')).content).not.toContain(SECRET);
  });

  it('gives the same UUID for the same key and bucket, and another for another bucket', () => {
    const uuid = (content: string) =>
      /<key>UUID<\/key>\n\t<string>(.+)<\/string>/.exec(content)![1];
    const first = uuid(cyberduckBookmarkConfig(configValues('cyberduck')).content);
    expect(uuid(cyberduckBookmarkConfig(configValues('cyberduck')).content)).toBe(first);
    const other = configValues('cyberduck');
    other.bucket.bucketId = '5b59af9986d7325256371929';
    expect(uuid(cyberduckBookmarkConfig(other).content)).not.toBe(first);
  });

  it('writes the port of an http endpoint, and escapes XML characters', () => {
    const values = configValues('cyberduck');
    values.endpoint.s3Endpoint = 'http://127.0.0.1:8790';
    values.key.applicationKeyId = 'a<b&c';
    const content = cyberduckBookmarkConfig(values).content;
    expect(content).toContain(
      '<key>Hostname</key>\n\t<string>127.0.0.1</string>\n\t<key>Port</key>\n\t<string>8790</string>',
    );
    expect(content).toContain('<string>a&lt;b&amp;c</string>');
  });

  it('refuses a control character XML cannot hold', () => {
    const values = configValues('cyberduck');
    values.key.applicationKeyId = 'a\u0001b';
    expect(configErrorOf(() => cyberduckBookmarkConfig(values)).field).toBe('key.applicationKeyId');
  });
});

describe('cyberduckSheetConfig', () => {
  it('writes where to paste the secret', () => {
    expect(cyberduckSheetConfig(configValues('cyberduck'))).toEqual({
      target: 'cyberduck',
      filename: 'cyberduck-key.txt',
      mediaType: 'text/plain; charset=utf-8',
      content: `Cyberduck bookmark for the Backblaze B2 bucket acme-db-backups

1. Open backblaze-b2.duck: double-click it, or drag it onto Cyberduck's Bookmarks window.
2. Double-click the bookmark "Backblaze B2: acme-db-backups" to connect.
3. Cyberduck asks for the Secret Access Key: paste the Application Key below, and let
   Cyberduck save it, so that it does not ask again.

Server: s3.us-west-004.backblazeb2.com:443
Access Key ID (the Key ID): ${KEY_ID}
Secret Access Key (the Application Key): ${SECRET}
Path: /acme-db-backups

Notes:
- The bookmark holds no secret: Cyberduck keeps the key in your system's password store.
- The key reaches only this bucket, so the bookmark opens the bucket itself (the Path above).
- Keep this file private: it holds the application key, which Backblaze shows only once.
`,
    });
  });
});
