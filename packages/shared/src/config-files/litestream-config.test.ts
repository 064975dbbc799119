import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configErrorOf } from '../../test/config-error';
import { KEY_ID, SECRET, configValues } from '../../test/config-values-fixture';
import { litestreamConfig } from './litestream-config';

describe('litestreamConfig', () => {
  it('writes a one-item replicas list with the restore command', () => {
    expect(litestreamConfig(configValues())).toEqual({
      target: 'litestream',
      filename: 'litestream.yml',
      mediaType: 'application/yaml',
      content: `# Litestream: continuous backup of a SQLite database to the Backblaze B2 bucket acme-db-backups.
# Works with Litestream 0.3 and 0.5. Save it as /etc/litestream.yml, then start replication:
#   litestream replicate -config /etc/litestream.yml
# To restore the database (the file must not exist yet):
#   litestream restore -config /etc/litestream.yml /var/lib/app/app.db
# This file holds the application key: keep it private (chmod 600).
dbs:
  - path: /var/lib/app/app.db
    replicas:
      - type: s3
        bucket: acme-db-backups
        path: app.db
        endpoint: https://s3.us-west-004.backblazeb2.com
        region: us-west-004
        force-path-style: true
        access-key-id: ${KEY_ID}
        secret-access-key: ${SECRET}
`,
    });
  });

  it('parses to the shape Litestream 0.3 and 0.5 read', () => {
    expect(parse(litestreamConfig(configValues()).content)).toEqual({
      dbs: [
        {
          path: '/var/lib/app/app.db',
          replicas: [
            {
              type: 's3',
              bucket: 'acme-db-backups',
              path: 'app.db',
              endpoint: 'https://s3.us-west-004.backblazeb2.com',
              region: 'us-west-004',
              'force-path-style': true,
              'access-key-id': KEY_ID,
              'secret-access-key': SECRET,
            },
          ],
        },
      ],
    });
  });

  it('keeps awkward keys and paths intact', () => {
    const values = configValues();
    values.key.applicationKey = 'K0/+:#x y';
    values.key.applicationKeyId = '0041234';
    values.options = {
      litestream: { dbPath: '/srv/my app/db #1: "main".db', replicaPath: "backups/it's: here #1" },
    };
    const file = litestreamConfig(values);
    for (const version of ['1.1', '1.2'] as const) {
      const db = parse(file.content, { version }).dbs[0];
      expect(db.path).toBe('/srv/my app/db #1: "main".db');
      expect(db.replicas[0]).toMatchObject({
        path: "backups/it's: here #1",
        'access-key-id': '0041234',
        'secret-access-key': 'K0/+:#x y',
      });
    }
    expect(file.content).toContain(
      `#   litestream restore -config /etc/litestream.yml '/srv/my app/db #1: "main".db'\n`,
    );
  });

  it("refuses '$', which Litestream would read as an environment variable", () => {
    const values = configValues();
    values.options = { litestream: { dbPath: '/srv/$HOME/app.db', replicaPath: 'app.db' } };
    expect(configErrorOf(() => litestreamConfig(values))).toEqual({
      field: 'options.litestream.dbPath',
      message:
        "Litestream reads '$' as the start of an environment variable, so litestream.yml can't hold '/srv/$HOME/app.db'. Remove the '$'.",
    });
  });

  it('refuses a line break in the database path, which would end the comment', () => {
    const values = configValues();
    values.options = { litestream: { dbPath: '/srv/app\nx: 1', replicaPath: 'app.db' } };
    expect(configErrorOf(() => litestreamConfig(values)).field).toBe('options.litestream.dbPath');
  });

  it('writes an empty replica path as the bucket root', () => {
    const values = configValues();
    values.options = { litestream: { dbPath: '/db.sqlite', replicaPath: '' } };
    expect(parse(litestreamConfig(values).content).dbs[0].replicas[0].path).toBe('');
  });
});
