// Review names the other buckets a key for several buckets may also use.
import type { BucketSummary } from '@b2wiz/shared';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { bucketWith } from '../../test-buckets';
import { litestreamState, renderStep } from '../../test-utils';
import { KeyChoice } from './review-choices';

const photos: BucketSummary = {
  ...bucketWith('acme-photos'),
  bucketId: '4a48fe8875c6214145260818',
};

describe('a key for several buckets on Review', () => {
  it('Review says which other buckets the key may also use, by name', () => {
    renderStep(
      <KeyChoice
        keyStep={{
          name: 'acme-key',
          access: 'readWrite',
          extraBucketIds: [photos.bucketId, 'e73ede9c9c8412db49f60715'],
        }}
      />,
      litestreamState({ buckets: [photos] }),
    );
    expect(
      screen.getByText(
        /It may also use the buckets “acme-photos”, the one with the ID e73ede9c9c8412db49f60715\./,
      ),
    ).toBeInTheDocument();
  });
});
