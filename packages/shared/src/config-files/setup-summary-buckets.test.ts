// SETUP-SUMMARY.md lists every bucket the key may use, and for a key with several warns who
// cannot use it (docs/b2-behaviour.md "Keys for several buckets").
import { describe, expect, it } from 'vitest';
import { configValues } from '../../test/config-values-fixture';
import { setupSummary } from './setup-summary';

const keySection = (content: string) =>
  content.split('## Application key\n\n')[1]!.split('\n\n')[0];

describe('setupSummary: the key’s buckets', () => {
  it('lists the setup’s bucket and the other buckets a key for several may use', () => {
    const values = configValues('aws-cli');
    values.key.bucketIds = [
      '4a48fe8875c6214145260818',
      'e73ede9c9c8412db49f60715',
      '9b1c0a7d2e3f4a5b6c7d8e9f',
    ];
    expect(keySection(setupSummary(values).content)).toContain(
      '- Buckets it may use: 3, this setup’s acme-db-backups (ID 4a48fe8875c6214145260818) and the other buckets with the IDs e73ede9c9c8412db49f60715, 9b1c0a7d2e3f4a5b6c7d8e9f\n- Tools still on B2’s old API cannot use a key for several buckets at all, not even for one of its buckets. Of the tools this wizard knows: JetBackup, ',
    );
  });

  it('says a key for one bucket may use only that one', () => {
    const values = configValues('aws-cli');
    values.key.bucketIds = ['4a48fe8875c6214145260818'];
    const section = keySection(setupSummary(values).content);
    expect(section).toContain(
      '- Buckets it may use: only acme-db-backups (ID 4a48fe8875c6214145260818)\n',
    );
    expect(section).not.toContain('old API');
  });

  it('says nothing of buckets when it is not told them', () => {
    expect(setupSummary(configValues('aws-cli')).content).not.toContain('Buckets it may use');
  });
});
