import { TARGET_PRESETS, targetsByGroup, type Target } from '@b2wiz/shared';
import type { ReactNode } from 'react';
import { Field } from '../../../../components/ui/field';
import { RadioGroup } from '../../../../components/ui/radio-group';
import { TextInput } from '../../../../components/ui/text-input';
import { StepActions } from '../../components/step-actions';
import { StepLayout } from '../../components/step-layout';
import { defaultTargetForm } from '../../target-defaults';
import { useSandboxOffered } from '../../use-sandbox-offered';
import { useStepForm } from '../../use-step-form';
import { useNextStep } from '../../use-next-step';
import { useWizardState, useWizardStore } from '../../wizard-store';
import { RecipeLoader } from './recipe-loader';
import { type TargetFormControl, useTargetForm } from './use-target-form';

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

function TargetOptionsFields({ target, form }: { target: Target; form: TargetFormControl }) {
  const { text } = form;
  const errors = form.errors.options;
  let fields: ReactNode = null;
  switch (target) {
    case 'litestream':
      fields = (
        <>
          <Field
            label="Database file on your server"
            description="The full path of the SQLite file on your server: the database Litestream backs up. Change it if your database is somewhere else."
            error={errors?.litestream?.dbPath?.message}
          >
            {(control) => <TextInput {...control} {...text('options.litestream.dbPath')} />}
          </Field>
          <Field
            label="Folder in the bucket"
            description="Where in the bucket the copies go, without a leading '/'."
            error={errors?.litestream?.replicaPath?.message}
          >
            {(control) => <TextInput {...control} {...text('options.litestream.replicaPath')} />}
          </Field>
        </>
      );
      break;
    case 'jetbackup':
      fields = (
        <>
          <Field
            label="Destination name"
            description="The name JetBackup shows for this destination, at most 40 characters."
            error={errors?.jetbackup?.destinationName?.message}
          >
            {(control) => <TextInput {...control} {...text('options.jetbackup.destinationName')} />}
          </Field>
          <Field
            label="Backup directory"
            description="The folder inside the bucket for the backups, without a leading '/'."
            error={errors?.jetbackup?.backupDirectory?.message}
          >
            {(control) => <TextInput {...control} {...text('options.jetbackup.backupDirectory')} />}
          </Field>
        </>
      );
      break;
    case 'laravel':
      fields = (
        <>
          <Field
            label="Your app’s address (optional)"
            description="The APP_URL of your site, like https://www.example.com. Pages at this address may then use the bucket straight from the browser."
            error={errors?.laravel?.appUrl?.message}
          >
            {(control) => (
              <TextInput
                {...control}
                type="url"
                {...text('options.laravel.appUrl', emptyToUndefined)}
              />
            )}
          </Field>
          <Field
            label="Disk name"
            description="The name of the disk in config/filesystems.php."
            error={errors?.laravel?.diskName?.message}
          >
            {(control) => <TextInput {...control} {...text('options.laravel.diskName')} />}
          </Field>
        </>
      );
      break;
    case 'rclone':
      fields = (
        <Field
          label="Remote name"
          description="What you will type in rclone commands, as in rclone ls b2:bucket."
          error={errors?.rclone?.remoteName?.message}
        >
          {(control) => <TextInput {...control} {...text('options.rclone.remoteName')} />}
        </Field>
      );
      break;
    case 'restic':
      fields = (
        <Field
          label="Repository folder in the bucket"
          description="Where restic keeps its repository inside the bucket, without a leading '/'."
          error={errors?.restic?.repositoryPath?.message}
        >
          {(control) => <TextInput {...control} {...text('options.restic.repositoryPath')} />}
        </Field>
      );
      break;
    case 'aws-cli':
      fields = (
        <Field
          label="Profile name"
          description="The profile you pass to the aws command, as in aws --profile b2."
          error={errors?.awsCli?.profile?.message}
        >
          {(control) => <TextInput {...control} {...text('options.awsCli.profile')} />}
        </Field>
      );
      break;
    default:
      // "Something else" and the tools whose files need no setting of their own.
      return null;
  }
  return (
    <fieldset className="group">
      <legend className="group__legend">{TARGET_PRESETS[target].label} settings</legend>
      <p className="field__description">
        {target === 'litestream'
          ? 'These go only into the file you download at the end. Check that the database path is where your database is.'
          : 'These go only into the files you download at the end. The defaults are fine to keep.'}
      </p>
      {fields}
    </fieldset>
  );
}

export function TargetStep() {
  const store = useWizardStore();
  const { drafts } = useWizardState();
  // Opened from Review's "Change": straight back there (the connection stays).
  const next = useNextStep('connect');
  const form = useTargetForm(drafts.target ?? defaultTargetForm());
  useStepForm('target', form);
  // Asked ahead, so the Connect step knows at once whether to offer the sandbox.
  useSandboxOffered({ early: true });
  const target = form.values.target;

  const onNext = form.handleSubmit((check) => {
    // A different tool than the draft's valid one resets the later steps to its defaults.
    store.saveTarget(form.getValues(), check.validTarget(store.getState().drafts.target));
    next.go();
  });

  return (
    <StepLayout
      title="What are you setting up?"
      intro={
        <p>
          Choose the tool that will keep its files in Backblaze B2. We fill in what that tool needs
          in every later step, and you can change any of it before anything is created.
        </p>
      }
    >
      <RecipeLoader
        customer={() => form.getValues().customer}
        onLoaded={(loaded) => {
          store.applyRecipe(loaded);
          if (loaded.target) form.replaceValues(loaded.target);
        }}
      />
      <form noValidate onSubmit={onNext}>
        <Field
          label="Customer or ticket (optional)"
          description="Who this setup is for, like “Acme GmbH #4512”. It goes into the proposed names, the summary and the history."
          error={form.errors.customer?.message}
        >
          {(control) => <TextInput {...control} {...form.text('customer')} />}
        </Field>
        <RadioGroup<Target>
          {...form.targetRadios()}
          legend="Tool"
          options={[]}
          groups={targetsByGroup().map((g) => ({
            label: g.label,
            options: g.targets.map((t) => ({
              value: t,
              label: TARGET_PRESETS[t].label,
              description: TARGET_PRESETS[t].description,
            })),
          }))}
        />
        {target && <TargetOptionsFields target={target} form={form} />}
        <StepActions nextLabel={next.label} />
      </form>
    </StepLayout>
  );
}
