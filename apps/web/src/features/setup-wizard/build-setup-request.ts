import type { SetupRequestInput } from '@b2wiz/shared';
import { parsedSteps } from './step-progress';
import type { WizardState } from './wizard-store';

/** The whole request from the drafts, or null while a step is incomplete. */
export function buildSetupRequest(state: WizardState): SetupRequestInput | null {
  const { target, bucket, lifecycle, cors, key } = parsedSteps(state);
  if (!target || !bucket || !lifecycle || !cors || !key) return null;
  const options = { ...target.options };
  if (target.target === 'laravel' && cors.preset === 'oneOrigin' && !options.laravel?.appUrl) {
    options.laravel = { diskName: 'b2', ...options.laravel, appUrl: cors.origin };
  }
  const customer = target.customer ? { customer: target.customer } : {};
  return { target: target.target, ...customer, bucket, lifecycle, cors, key, options };
}
