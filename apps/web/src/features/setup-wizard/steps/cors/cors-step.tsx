import { CORS_LABELS, type CorsStep as CorsStepValues } from '@b2wiz/shared';
import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import { Alert } from '../../../../components/ui/alert';
import { CheckboxField, Field } from '../../../../components/ui/field';
import { FormRadioGroup } from '../../../../components/ui/radio-group';
import { StepActions } from '../../components/step-actions';
import { StepLayout } from '../../components/step-layout';
import { whyCorsDefault } from '../../defaults-explained';
import { corsForm, type CorsForm, type FormContext } from '../../step-forms';
import { useLaterStepForm } from '../../use-later-step-form';
import { useNavigate, useWizardStore } from '../../wizard-store';

type Form = UseFormReturn<CorsForm, FormContext | undefined, CorsStepValues>;

const PRESETS = ['none', 'allHttps', 'anyOrigin', 'oneOrigin', 'custom'] as const;

/** Messages of the custom rules, as "Rule 2: ..." lines. */
function ruleMessages(errors: FieldErrors<CorsForm>['rules']): string[] {
  if (!errors) return [];
  const lines: string[] = [];
  const walk = (node: unknown, rule: number | null) => {
    if (!node || typeof node !== 'object') return;
    const message = (node as { message?: unknown }).message;
    if (typeof message === 'string')
      lines.push(rule === null ? message : `Rule ${rule + 1}: ${message}`);
    for (const [key, child] of Object.entries(node)) {
      if (key === 'ref' || key === 'message' || key === 'type') continue;
      walk(child, rule === null && /^\d+$/.test(key) ? Number(key) : rule);
    }
  };
  walk(errors, null);
  return [...new Set(lines)];
}

function SharingOptions({ form, oneOrigin }: { form: Form; oneOrigin: boolean }) {
  const { errors } = form.formState;
  return (
    <div className="nested">
      {oneOrigin && (
        <Field
          label="Your website’s origin"
          description="The scheme and host only, no path: like https://www.example.com."
          error={errors.origin?.message}
        >
          {(control) => (
            <input
              {...control}
              type="url"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              {...form.register('origin')}
            />
          )}
        </Field>
      )}
      <FormRadioGroup
        control={form.control}
        name="apis"
        compact
        legend="Apply CORS rules to the following APIs"
        options={[
          { value: 'b2', label: 'B2 Native API' },
          { value: 's3', label: 'S3 Compatible API' },
          { value: 'both', label: 'Both' },
        ]}
      />
      <CheckboxField
        label="Also allow uploads from web pages"
        description="The dashboard’s choices only allow downloads. Tick this if your pages upload files straight to the bucket."
      >
        {(control) => <input {...control} type="checkbox" {...form.register('uploads')} />}
      </CheckboxField>
    </div>
  );
}

export function CorsStep() {
  const store = useWizardStore();
  const navigate = useNavigate();
  const { context, form } = useLaterStepForm('cors', corsForm);
  const { errors } = form.formState;
  const preset = form.watch('preset');
  const customErrors = ruleMessages(errors.rules);

  const onNext = form.handleSubmit(() => {
    store.saveDraft('cors', form.getValues());
    navigate('key');
  });

  return (
    <StepLayout
      title="CORS rules"
      intro={
        <>
          <p>
            CORS decides whether web pages on other sites may use this bucket from a visitor’s
            browser. Tools on a server don’t need it.
          </p>
          <p>{whyCorsDefault(context.target)}</p>
        </>
      }
    >
      <form noValidate onSubmit={onNext}>
        <FormRadioGroup
          control={form.control}
          name="preset"
          legend="Share this bucket with web pages"
          options={PRESETS.map((p) => ({
            value: p,
            label: CORS_LABELS[p].label,
            description: CORS_LABELS[p].description,
            more:
              p === 'allHttps' || p === 'anyOrigin' || p === 'oneOrigin' ? (
                <SharingOptions form={form} oneOrigin={p === 'oneOrigin'} />
              ) : p === 'custom' ? (
                <Field
                  label="CORS rules (JSON)"
                  description="A list of rules as B2 stores them: corsRuleName, allowedOrigins, allowedOperations, allowedHeaders, exposeHeaders, maxAgeSeconds."
                  error={
                    errors.rulesJson?.message ??
                    (customErrors.length > 0 ? customErrors.join(' ') : undefined)
                  }
                >
                  {(control) => (
                    <textarea
                      {...control}
                      rows={14}
                      spellCheck={false}
                      className="input--code"
                      {...form.register('rulesJson')}
                    />
                  )}
                </Field>
              ) : undefined,
          }))}
        />
        {preset !== 'none' && (
          <Alert tone="info" title="New CORS rules take about a minute to reach B2.">
            <p>If a page still fails right after setup, wait a minute and reload it.</p>
          </Alert>
        )}
        <StepActions onBack={() => navigate('lifecycle', { back: true })} />
      </form>
    </StepLayout>
  );
}
