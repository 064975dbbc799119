import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultTargetForm } from '../../target-defaults';
import { litestreamState, renderStep } from '../../test-utils';
import { BucketStep } from './bucket-step';

describe('BucketStep with a customer label', () => {
  it('proposes a name that starts with the customer, made safe for B2', () => {
    renderStep(
      <BucketStep />,
      litestreamState({
        bucketNameSuffix: 'x7k2p9',
        drafts: {
          target: { ...defaultTargetForm(), target: 'litestream', customer: 'Müller & Söhne #12' },
        },
      }),
    );
    expect(screen.getByLabelText('Bucket name')).toHaveValue(
      'muller-sohne-12-litestream-backups-x7k2p9',
    );
  });
});
