import {
  CORS_LABELS,
  TARGET_PRESETS,
  corsOriginProblem,
  corsRulesFor,
  type CorsRule,
  type CorsStep as CorsStepValues,
  toolNameInSentence,
} from '@b2wiz/shared';
import { Alert } from '../../../../components/ui/alert';
import { FormRadioGroup } from '../../../../components/ui/form-radio-group';
import { useBuckets } from '../../use-buckets';
import { chosenExistingBucket } from '../../chosen-bucket';
import { CorsRuleLines } from '../../components/rule-lines';
import { StepActions } from '../../components/step-actions';
import { StepLayout } from '../../components/step-layout';
import { TodaysRules } from '../../components/todays-rules';
import { trimOrigin } from '../../cors-rule-fields';
import { whyCorsDefault } from '../../defaults-explained';
import { corsChangeSentence } from '../../rule-change-words';
import { corsForm, type CorsForm } from '../../step-forms';
import { useLaterStepForm } from '../../use-later-step-form';
import { useNextStep } from '../../use-next-step';
import { useNavigate, useWizardStore } from '../../wizard-store';
import { CorsCustomRules } from './cors-custom-rules';
import { SharingOptions } from './cors-sharing-options';

const PRESETS = ['none', 'allHttps', 'anyOrigin', 'oneOrigin', 'custom'] as const;

/** The rules the tool's recommendation would set, when they are known (one origin typed). */
function recommendedRules(preset: CorsStepValues | { preset: 'oneOrigin' }, values: CorsForm) {
  if (preset.preset !== 'oneOrigin') return corsRulesFor(preset as CorsStepValues);
  const origin = trimOrigin(values.origin ?? '');
  if (corsOriginProblem(origin) !== null) return null;
  return corsRulesFor({
    ...preset,
    origin,
    apis: values.apis ?? 'both',
    uploads: !!values.uploads,
  });
}

export function CorsStep() {
  const store = useWizardStore();
  const navigate = useNavigate();
  const next = useNextStep('key');
  const { state, context, form } = useLaterStepForm('cors', corsForm);
  // Every value, so the recommendation's sentence follows what is typed.
  const values = form.watch();
  const preset = values.preset;
  const isExisting = context.bucketMode === 'existing';
  const { loading } = useBuckets(isExisting);
  const existing = chosenExistingBucket(state);
  const laravel = context.target === 'laravel';
  const recommended = TARGET_PRESETS[context.target].cors;

  const onNext = form.handleSubmit(() => {
    store.saveDraft('cors', form.getValues());
    next.go();
  });

  const description = (p: (typeof PRESETS)[number]) => {
    const text = CORS_LABELS[p].description;
    if (!existing || p !== recommended.preset) return text;
    const rules: CorsRule[] | null = recommendedRules(recommended, values);
    return (
      <>
        {text} <strong>Recommended for {toolNameInSentence(context.target)}.</strong>{' '}
        {rules
          ? corsChangeSentence(existing.corsRules, rules)
          : 'Enter the address below to see what would change.'}
      </>
    );
  };

  const presets = isExisting ? (['keepCurrent', ...PRESETS] as const) : PRESETS;
  return (
    <StepLayout
      title="CORS rules"
      intro={
        <>
          <p>
            CORS matters only when a web page, open in a visitor’s browser, loads or uploads files
            from this bucket directly. For every backup tool the answer is “Do not share”.
          </p>
          <p>
            Websites are named by their <dfn>origin</dfn>: the start of their address, the scheme
            and the host, like https://www.example.com, with no path after it.
          </p>
          <p>
            {isExisting
              ? 'Your bucket keeps the rules it has now unless you choose otherwise.'
              : whyCorsDefault(context.target)}
          </p>
        </>
      }
    >
      <form noValidate onSubmit={onNext}>
        {isExisting && (
          <TodaysRules bucketName={existing?.bucketName ?? context.bucketName} loading={loading}>
            {existing && <CorsRuleLines rules={existing.corsRules} />}
          </TodaysRules>
        )}
        <FormRadioGroup
          control={form.control}
          name="preset"
          legend="Share this bucket with web pages"
          options={presets.map((p) => ({
            value: p,
            label: CORS_LABELS[p].label,
            description: p === 'keepCurrent' ? CORS_LABELS[p].description : description(p),
            more:
              p === 'allHttps' || p === 'anyOrigin' || p === 'oneOrigin' ? (
                <SharingOptions form={form} oneOrigin={p === 'oneOrigin'} laravel={laravel} />
              ) : p === 'custom' ? (
                <CorsCustomRules form={form} />
              ) : undefined,
          }))}
        />
        {preset !== 'none' && preset !== 'keepCurrent' && (
          <Alert tone="info" title="New CORS rules take about a minute to reach B2.">
            <p>If a page still fails right after setup, wait a minute and reload it.</p>
          </Alert>
        )}
        <StepActions onBack={() => navigate('lifecycle', { back: true })} nextLabel={next.label} />
      </form>
    </StepLayout>
  );
}
