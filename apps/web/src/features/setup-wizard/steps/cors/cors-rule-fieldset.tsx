// One custom CORS rule as form fields: its name, origins, operations, headers and max age.
import {
  CORS_MAX_AGE_SECONDS,
  CORS_OPERATIONS,
  type CorsStep as CorsStepValues,
} from '@b2wiz/shared';
import type { UseFormReturn } from 'react-hook-form';
import { Button } from '../../../../components/ui/button';
import { Field } from '../../../../components/ui/field';
import { NumberInput, TextInput } from '../../../../components/ui/text-input';
import { CORS_OPERATION_WORDS } from '../../cors-rule-fields';
import type { CorsForm, FormContext } from '../../step-forms';

type Form = UseFormReturn<CorsForm, FormContext | undefined, CorsStepValues>;

export function CorsRuleFieldset({
  form,
  index,
  onRemove,
}: {
  form: Form;
  index: number;
  onRemove: () => void;
}) {
  const errors = form.formState.errors.ruleFields?.[index];
  const at = `ruleFields.${index}` as const;
  const operationsError = errors?.allowedOperations?.message;
  return (
    <fieldset className="group">
      <legend className="group__legend">Rule {index + 1}</legend>
      <Field
        label="Rule name"
        description="6 to 50 letters, digits or '-', like downloadFromMySite."
        error={errors?.corsRuleName?.message}
      >
        {(control) => <TextInput {...control} {...form.register(`${at}.corsRuleName`)} />}
      </Field>
      <Field
        label="Websites allowed (origins)"
        description="One per line, like https://www.example.com. * means every website; https means every HTTPS website."
        error={errors?.origins?.message}
      >
        {(control) => (
          <textarea {...control} rows={3} spellCheck="false" {...form.register(`${at}.origins`)} />
        )}
      </Field>
      <fieldset
        className="checks"
        aria-describedby={operationsError ? `${at}-operations-error` : undefined}
      >
        <legend className="field__label">What those pages may do (operations)</legend>
        {CORS_OPERATIONS.map((operation) => (
          <div key={operation} className="field__check">
            <input
              type="checkbox"
              id={`${at}-${operation}`}
              value={operation}
              {...form.register(`${at}.allowedOperations`)}
            />
            <label className="field__label" htmlFor={`${at}-${operation}`}>
              {CORS_OPERATION_WORDS[operation]} <small>({operation})</small>
            </label>
          </div>
        ))}
        {operationsError && (
          <p className="field__error" id={`${at}-operations-error`} role="alert">
            {operationsError}
          </p>
        )}
      </fieldset>
      <Field
        label="Headers pages may send (optional)"
        description="Separated by commas, like range, content-type. * allows every header."
        error={errors?.allowedHeaders?.message}
      >
        {(control) => <TextInput {...control} {...form.register(`${at}.allowedHeaders`)} />}
      </Field>
      <Field
        label="Headers pages may read (optional)"
        description="Separated by commas, like x-bz-file-id."
        error={errors?.exposeHeaders?.message}
      >
        {(control) => <TextInput {...control} {...form.register(`${at}.exposeHeaders`)} />}
      </Field>
      <Field
        label="Seconds a browser may reuse the answer (max age)"
        description={`From 0 to ${CORS_MAX_AGE_SECONDS} (one day). 3600 is one hour.`}
        error={errors?.maxAgeSeconds?.message}
      >
        {(control) => (
          <NumberInput
            {...control}
            short
            min={0}
            {...form.register(`${at}.maxAgeSeconds`, { valueAsNumber: true })}
          />
        )}
      </Field>
      <Button className="button--small" onClick={onRemove}>
        Remove rule {index + 1}
      </Button>
    </fieldset>
  );
}
