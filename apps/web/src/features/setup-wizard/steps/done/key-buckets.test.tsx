// Done names every bucket a key for several buckets may use.
import type { BucketSummary } from '@b2wiz/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bucketWith } from '../../test-buckets';
import { setupResult } from '../../test-fixtures';
import { litestreamState, renderStep } from '../../test-utils';
import { KeyBuckets } from './key-buckets';

const photos: BucketSummary = {
  ...bucketWith('acme-photos'),
  bucketId: '4a48fe8875c6214145260818',
};

describe('a key for several buckets on Done', () => {
  it('Done lists every bucket the key may use, the setup’s own first, with the warning', () => {
    const result = setupResult();
    result.key.bucketIds = ['bkt123', photos.bucketId];
    renderStep(<KeyBuckets result={result} />, litestreamState({ buckets: [photos] }));
    const section = screen.getByRole('region', { name: 'Buckets this key may use' });
    expect(
      within(section)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['acme-db', 'acme-photos']);
    expect(section).toHaveTextContent(
      'Tools still on B2’s old API cannot use a key for several buckets at all',
    );
  });

  it('Done says nothing more for a key for one bucket', () => {
    renderStep(<KeyBuckets result={setupResult()} />, litestreamState());
    expect(screen.queryByRole('region', { name: 'Buckets this key may use' })).toBeNull();
  });
});
