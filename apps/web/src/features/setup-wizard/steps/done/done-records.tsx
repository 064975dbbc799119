// The Done step's records: the summary as a print-ready page, and the settings as a recipe to
// start the next customer's setup from (no names, no secret; read back on the first step).
import {
  recipeFromRequest,
  setupRequestSchema,
  SETUP_SUMMARY_FILENAME,
  type SetupResult,
} from '@b2wiz/shared';
import { Button } from '../../../../components/ui/button';
import { downloadText } from '../../../../lib/download-file';
import { buildSetupRequest } from '../../build-setup-request';
import { useWizardStore } from '../../wizard-store';
import { PrintSummary } from './print-summary';

/** "Print or save as PDF" and "Save these settings", in the History row of the Done step. */
export function RecordButtons({ result }: { result: SetupResult }) {
  const store = useWizardStore();
  const summary = result.files.some((f) => f.filename === SETUP_SUMMARY_FILENAME);

  function saveRecipe() {
    const request = buildSetupRequest(store.getState());
    if (!request) return;
    const recipe = recipeFromRequest(setupRequestSchema.parse(request));
    downloadText(
      `b2-setup-recipe-${recipe.target}.json`,
      `${JSON.stringify(recipe, null, 2)}\n`,
      'application/json',
    );
  }

  return (
    <>
      {summary && <Button onClick={() => window.print()}>Print or save as PDF</Button>}
      {/* A recipe holds no names and no secret: "Start from a saved recipe" reads it. */}
      <Button onClick={saveRecipe}>Save these settings</Button>
    </>
  );
}

/** The summary as it is printed; the print stylesheet shows only this. */
export function PrintSummaryOf({ result }: { result: SetupResult }) {
  const summary = result.files.find((f) => f.filename === SETUP_SUMMARY_FILENAME);
  return summary ? <PrintSummary content={summary.content} /> : null;
}
