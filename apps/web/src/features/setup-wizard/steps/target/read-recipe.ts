// A chosen recipe file, checked by the shared recipe schema: loaded only once a file is chosen,
// so the first step draws without zod.
import { readRecipe } from '@b2wiz/shared';
import { draftsFromRecipe } from '../../recipe-drafts';
import type { Drafts } from '../../step-forms';

function textOf(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

export async function readRecipeFile(
  file: Blob,
  customer: string | undefined,
): Promise<{ ok: true; drafts: Drafts } | { ok: false; message: string }> {
  const read = readRecipe(await textOf(file));
  if (!read.ok) return read;
  return { ok: true, drafts: draftsFromRecipe(read.recipe, customer) };
}
