// The shared schema reports custom CORS rules at "rules.<n>.<field>"; the form holds them as
// "ruleFields.<n>.<field>" or as the JSON box. These errors are moved to where the user types,
// so each message shows on its own field while typing, not only after Next.
import type { FieldError, FieldErrors, FieldValues } from 'react-hook-form';

/** Every message under an error node, in order, once each. */
export function messagesIn(node: unknown): string[] {
  const lines: string[] = [];
  const walk = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    const message = (value as { message?: unknown }).message;
    if (typeof message === 'string') lines.push(message);
    for (const [key, child] of Object.entries(value)) {
      if (key !== 'ref' && key !== 'message' && key !== 'type') walk(child);
    }
  };
  walk(node);
  return [...new Set(lines)];
}

const error = (messages: string[]): FieldError => ({ type: 'custom', message: messages.join(' ') });

/** The schema's field names beside the form's. */
const FORM_FIELD: Record<string, string> = {
  corsRuleName: 'corsRuleName',
  allowedOrigins: 'origins',
  allowedOperations: 'allowedOperations',
  allowedHeaders: 'allowedHeaders',
  exposeHeaders: 'exposeHeaders',
  maxAgeSeconds: 'maxAgeSeconds',
};

function forFields(rules: Record<string, unknown>): Record<string, unknown> {
  const mapped: Record<string, unknown> = {};
  for (const [key, node] of Object.entries(rules)) {
    if (!/^\d+$/.test(key)) continue;
    const rule = node as Record<string, unknown>;
    const fields: Record<string, FieldError> = {};
    for (const [field, child] of Object.entries(rule)) {
      const name = FORM_FIELD[field];
      if (name) fields[name] = error(messagesIn(child));
    }
    // A message about the rule as a whole (its size) goes with its origins.
    if (typeof rule.message === 'string') {
      fields.origins = error([...messagesIn(fields.origins), rule.message]);
    }
    mapped[key] = fields;
  }
  const list = messagesIn({ message: rules.message, root: rules.root });
  if (list.length > 0) mapped.root = error(list);
  return mapped;
}

function forJson(rules: Record<string, unknown>): FieldError {
  const lines: string[] = [];
  for (const [key, node] of Object.entries(rules)) {
    const at = /^\d+$/.test(key) ? `Rule ${Number(key) + 1}: ` : '';
    for (const message of messagesIn(node)) lines.push(`${at}${message}`);
  }
  return error([...new Set(lines)]);
}

export function corsFormErrors<F extends FieldValues>(
  errors: FieldErrors<F>,
  values: { corsEditor?: 'fields' | 'json' | undefined },
): FieldErrors<F> {
  const { rules, ...rest } = errors as Record<string, unknown>;
  if (!rules || typeof rules !== 'object') return errors;
  const node = rules as Record<string, unknown>;
  const moved =
    values.corsEditor === 'json' ? { rulesJson: forJson(node) } : { ruleFields: forFields(node) };
  return { ...rest, ...moved } as FieldErrors<F>;
}
