import { readRecipe, recipeFromRequest, setupRequestSchema } from '@b2wiz/shared';
import { describe, expect, it } from 'vitest';
import { buildSetupRequest } from './build-setup-request';
import { formContext } from './form-context';
import { draftsFromRecipe } from './recipe-drafts';
import { defaultTargetForm } from './target-defaults';
import { wizardState } from './test-utils';
import { WizardStore } from './wizard-store';

/** An rclone setup for Acme with every choice away from the defaults. */
function acmeState() {
  return wizardState({
    drafts: {
      target: {
        ...defaultTargetForm(),
        target: 'rclone',
        customer: 'Acme GmbH',
        options: { ...defaultTargetForm().options, rclone: { remoteName: 'acme' } },
      },
      bucket: {
        mode: 'create',
        name: 'acme-gmbh-rclone-1',
        type: 'allPublic',
        objectLock: true,
        retention: { mode: 'governance', period: { duration: 30, unit: 'days' } },
      },
      lifecycle: { preset: 'keepPriorDays', days: 14 },
      cors: {
        preset: 'custom',
        corsEditor: 'json',
        rulesJson: JSON.stringify([
          {
            corsRuleName: 'shopDownloads',
            allowedOrigins: ['https://shop.example.com'],
            allowedOperations: ['b2_download_file_by_name'],
            allowedHeaders: ['range'],
            exposeHeaders: null,
            maxAgeSeconds: 600,
          },
        ]),
      },
      key: { name: 'acme-key', access: 'noDelete', restrictToBucket: true, validDays: 30 },
    },
    submitted: ['target', 'bucket', 'lifecycle', 'cors', 'key'],
  });
}

describe('recipes in the wizard', () => {
  it('round-trip: saved, loaded and named again, they make the same request', () => {
    const before = buildSetupRequest(acmeState())!;
    const text = JSON.stringify(recipeFromRequest(setupRequestSchema.parse(before)));
    expect(text).not.toContain('acme-key');
    expect(text).not.toContain('acme-gmbh-rclone-1');
    expect(text).not.toContain('Acme GmbH');
    const read = readRecipe(text);
    if (!read.ok) throw new Error(read.message);
    const drafts = draftsFromRecipe(read.recipe, 'Acme GmbH');
    drafts.bucket!.name = 'acme-gmbh-rclone-1';
    drafts.key!.name = 'acme-key';
    const after = buildSetupRequest(wizardState({ drafts, submitted: acmeState().submitted }));
    expect(setupRequestSchema.parse(after)).toEqual(setupRequestSchema.parse(before));
  });
});

describe('“Same settings as the last one”', () => {
  it('keeps every choice but the names and the customer, and the connection', () => {
    const state = acmeState();
    const store = new WizardStore({ ...state, account: { accountId: 'acct' } as never });
    store.startAnother({ sameSettings: true });
    const next = store.getState();
    expect(next.account).toEqual({ accountId: 'acct' });
    expect(next.result).toBeNull();
    expect(next.drafts.target).toEqual({ ...state.drafts.target, customer: undefined });
    expect(next.drafts.target).not.toHaveProperty('customer');
    expect(next.drafts.bucket).toEqual({
      mode: 'create',
      type: 'allPublic',
      objectLock: true,
      retention: { mode: 'governance', period: { duration: 30, unit: 'days' } },
    });
    expect(next.drafts.lifecycle).toEqual({ preset: 'keepPriorDays', days: 14 });
    expect(next.drafts.cors).toEqual(state.drafts.cors);
    expect(next.drafts.key).toEqual({ access: 'noDelete', restrictToBucket: true, validDays: 30 });
    expect(next.submitted).toEqual(['target', 'lifecycle', 'cors', 'key']);
  });

  it('with the next customer typed, proposes names of its own', () => {
    const store = new WizardStore(acmeState());
    store.startAnother({ sameSettings: true });
    const drafts = store.getState().drafts;
    drafts.target!.customer = 'Beta Ltd #7';
    drafts.bucket!.name = 'beta-ltd-7-rclone-files-x';
    const request = buildSetupRequest(wizardState({ drafts, submitted: acmeState().submitted }));
    expect(request).toMatchObject({
      customer: 'Beta Ltd #7',
      key: { name: 'rclone-beta-ltd-7-rclone-files-x', access: 'noDelete', validDays: 30 },
    });
    expect(formContext(wizardState({ drafts }))?.customer).toBe('Beta Ltd #7');
  });

  it('without it, starts from nothing', () => {
    const store = new WizardStore(acmeState());
    store.startAnother();
    expect(store.getState()).toMatchObject({ drafts: {}, submitted: [] });
  });
});
