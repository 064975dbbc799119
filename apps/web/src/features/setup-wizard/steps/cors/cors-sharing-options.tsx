// The dashboard's sharing choices: which origin (for "this one origin"), which APIs, uploads.
import type { CorsStep as CorsStepValues } from '@b2wiz/shared';
import type { UseFormReturn } from 'react-hook-form';
import { CheckboxField, Field } from '../../../../components/ui/field';
import { TextInput } from '../../../../components/ui/text-input';
import { FormRadioGroup } from '../../../../components/ui/form-radio-group';
import { trimOrigin } from '../../cors-rule-fields';
import type { CorsForm, FormContext } from '../../step-forms';

type Form = UseFormReturn<CorsForm, FormContext | undefined, CorsStepValues>;

/** The one origin to share with; for Laravel that is the app's own address. */
export function OriginField({ form, laravel }: { form: Form; laravel: boolean }) {
  const { errors } = form.formState;
  return (
    <Field
      label={laravel ? 'Your Laravel app’s address (APP_URL)' : 'Your website’s origin'}
      description={
        laravel
          ? 'The address people open your app at, as APP_URL in its .env file: the scheme and host only, like https://www.example.com.'
          : 'The scheme and host of your site, with no path after it: like https://www.example.com.'
      }
      error={errors.origin?.message}
    >
      {(control) => (
        <TextInput
          {...control}
          type="url"
          autoComplete="url"
          {...form.register('origin', {
            // A pasted address often ends in '/': that is not part of an origin, so drop it.
            onBlur: (event: { target: { value: string } }) => {
              const trimmed = trimOrigin(event.target.value);
              if (trimmed !== event.target.value) {
                form.setValue('origin', trimmed, { shouldValidate: true });
              }
            },
          })}
        />
      )}
    </Field>
  );
}

export function SharingOptions({
  form,
  oneOrigin,
  laravel,
}: {
  form: Form;
  oneOrigin: boolean;
  laravel: boolean;
}) {
  return (
    <div className="nested">
      {oneOrigin && <OriginField form={form} laravel={laravel} />}
      <FormRadioGroup
        control={form.control}
        name="apis"
        compact
        legend="Which way your pages reach B2"
        description="Both is right unless you know your pages use only one of them."
        options={[
          {
            value: 'b2',
            label: (
              <>
                B2’s own API <small>(B2 Native API)</small>
              </>
            ),
          },
          {
            value: 's3',
            label: (
              <>
                The S3 way <small>(S3 Compatible API)</small>
              </>
            ),
          },
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
