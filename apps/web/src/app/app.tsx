import { isStepId, SetupWizard, WizardProvider, type StepId } from '../features/setup-wizard';
import { navigateToStep, useStepParam, type NavigateOptions } from './step-route';

function navigate(step: StepId, options?: NavigateOptions) {
  navigateToStep(step === 'target' ? null : step, options);
}

export function App() {
  const param = useStepParam();
  const requested: StepId = isStepId(param) ? param : 'target';
  return (
    <WizardProvider navigate={navigate}>
      <header className="site-header">
        <p className="site-header__name">B2 Setup Wizard</p>
        <p className="site-header__tagline">Backblaze B2 storage for your tool, step by step</p>
      </header>
      <SetupWizard requested={requested} />
    </WizardProvider>
  );
}
