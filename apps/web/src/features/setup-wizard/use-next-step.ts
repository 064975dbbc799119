// Where a step's Next leads: the following step, or straight back to Review when the step was
// opened with "Change" there (the user need not walk the later steps again).
import type { StepId } from './wizard-steps';
import { useNavigate, useWizardState } from './wizard-store';

export const BACK_TO_REVIEW = 'Back to review';

export function useNextStep(next: StepId): { label: string; go: () => void } {
  const navigate = useNavigate();
  const { returnToReview } = useWizardState();
  return returnToReview
    ? { label: BACK_TO_REVIEW, go: () => navigate('review') }
    : { label: 'Next', go: () => navigate(next) };
}
