// Its own module, apart from useStepForm, so the first step's chunk does not load the later
// steps' defaults.
import { useForm, type DefaultValues, type FieldValues } from 'react-hook-form';
import { formDefaults } from './form-defaults';
import { formContext } from './form-context';
import { stepResolver, type FormContext, type StepForm } from './step-forms';
import { useStepForm } from './use-step-form';
import { useWizardState } from './wizard-store';

/**
 * The form of a step that comes after the tool and the bucket (lifecycle, CORS, key): what was
 * typed before over the tool's defaults, validated live against the step's shared schema.
 */
export function useLaterStepForm<F extends FieldValues, O>(
  step: 'lifecycle' | 'cors' | 'key',
  stepForm: StepForm<F, O>,
) {
  const state = useWizardState();
  // These steps open only once the tool is chosen (allowedStep), so there is a context.
  const context = formContext(state) as FormContext;
  const defaults = formDefaults(context)[step];
  const values: Record<string, unknown> = { ...defaults, ...state.drafts[step] };
  // "Keep the rules it has now" is kept from an existing bucket only while one is chosen.
  if (values.preset === 'keepCurrent' && context.bucketMode !== 'existing') {
    values.preset = (defaults as { preset?: unknown }).preset;
  }
  const form = useForm<F, FormContext | undefined, O>({
    mode: 'onChange',
    resolver: stepResolver(stepForm),
    defaultValues: values as DefaultValues<F>,
    context,
  });
  useStepForm(step, form);
  return { state, context, form };
}
