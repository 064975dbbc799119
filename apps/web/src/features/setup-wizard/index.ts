export { SetupWizard } from './setup-wizard';
export { WizardProvider } from './wizard-store';
export { isStepId, type StepId } from './wizard-steps';
