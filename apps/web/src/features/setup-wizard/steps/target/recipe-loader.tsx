// "Start from a saved recipe": a file box; the file is read and checked when it is chosen.
import { useState } from 'react';
import { Field } from '../../../../components/ui/field';
import type { Drafts } from '../../step-forms';

export function RecipeLoader({
  customer,
  onLoaded,
}: {
  customer: () => string | undefined;
  onLoaded: (drafts: Drafts) => void;
}) {
  const [error, setError] = useState<string | undefined>();
  const [loaded, setLoaded] = useState<string | null>(null);

  async function choose(file: File | undefined) {
    setLoaded(null);
    setError(undefined);
    if (!file) return;
    const { readRecipeFile } = await import('./read-recipe');
    const read = await readRecipeFile(file, customer()).catch(() => ({
      ok: false as const,
      message: 'The file could not be read. Choose it again.',
    }));
    if (!read.ok) {
      setError(`${file.name} is not a recipe the wizard can use. ${read.message}`);
      return;
    }
    onLoaded(read.drafts);
    setLoaded(file.name);
  }

  return (
    <div className="recipe-loader">
      <Field
        label="Start from a saved recipe (optional)"
        description="A file saved with “Save these settings” after an earlier setup. Every step is filled in from it; only the names are left to you."
        error={error}
      >
        {(control) => (
          <input
            {...control}
            type="file"
            accept="application/json,.json"
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        )}
      </Field>
      <p role="status" className="status">
        {loaded && `Loaded ${loaded}. Check each step, then fill in the names.`}
      </p>
    </div>
  );
}
