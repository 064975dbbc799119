// Custom CORS rules: form fields per rule, or (advanced) the rules as B2 stores them, in JSON.
import type { CorsStep as CorsStepValues } from '@b2wiz/shared';
import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { Button } from '../../../../components/ui/button';
import { CheckboxField, Field } from '../../../../components/ui/field';
import {
  corsJsonShapeProblem,
  fieldsFromRules,
  newRuleFields,
  rulesFromFields,
} from '../../cors-rule-fields';
import type { CorsForm, FormContext } from '../../step-forms';
import { CorsRuleFieldset } from './cors-rule-fieldset';

type Form = UseFormReturn<CorsForm, FormContext | undefined, CorsStepValues>;

/** The JSON box's rules, when they can become form fields. */
function parsedJsonRules(text: string | undefined) {
  try {
    const rules: unknown = JSON.parse(text ?? '');
    if (Array.isArray(rules) && corsJsonShapeProblem(rules) === null) {
      return fieldsFromRules(rules as Parameters<typeof fieldsFromRules>[0]);
    }
  } catch {
    // Not JSON yet: the fields keep what they had.
  }
  return null;
}

export function CorsCustomRules({ form }: { form: Form }) {
  const { fields, append, remove, replace } = useFieldArray({
    control: form.control,
    name: 'ruleFields',
  });
  const editor = form.watch('corsEditor') ?? 'fields';
  const { errors } = form.formState;

  const switchEditor = (json: boolean) => {
    if (json) {
      const rules = rulesFromFields(form.getValues('ruleFields') ?? []);
      form.setValue('rulesJson', JSON.stringify(rules, null, 2));
    } else {
      const fromJson = parsedJsonRules(form.getValues('rulesJson'));
      if (fromJson) replace(fromJson);
    }
    form.setValue('corsEditor', json ? 'json' : 'fields', { shouldValidate: true });
  };

  return (
    <div className="rules">
      {editor === 'fields' ? (
        <>
          {fields.map((rule, index) => (
            <CorsRuleFieldset
              key={rule.id}
              form={form}
              index={index}
              onRemove={() => remove(index)}
            />
          ))}
          {errors.ruleFields?.root?.message && (
            <p className="field__error" role="alert">
              {errors.ruleFields.root.message}
            </p>
          )}
          <Button onClick={() => append(newRuleFields())}>Add a rule</Button>
        </>
      ) : (
        <Field
          label="CORS rules (JSON)"
          description="A list of rules as B2 stores them: corsRuleName, allowedOrigins, allowedOperations, allowedHeaders, exposeHeaders, maxAgeSeconds."
          error={errors.rulesJson?.message}
        >
          {(control) => (
            <textarea
              {...control}
              rows={14}
              spellCheck="false"
              className="input--code"
              {...form.register('rulesJson')}
            />
          )}
        </Field>
      )}
      {editor === 'fields' && errors.rulesJson?.message && (
        <p className="field__error" role="alert">
          {errors.rulesJson.message}
        </p>
      )}
      <CheckboxField
        label="Edit the rules as JSON instead (advanced)"
        description="For rules copied from the Backblaze dashboard or the B2 documentation."
      >
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={editor === 'json'}
            onChange={(event) => switchEditor(event.target.checked)}
          />
        )}
      </CheckboxField>
    </div>
  );
}
