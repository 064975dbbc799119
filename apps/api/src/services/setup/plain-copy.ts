// A deep copy of plain data by JSON's rules, without the text in between: what the in-memory
// apply records keep (apply-records.ts), so they hold what a JSON store such as Redis would.

/**
 * Objects and arrays are copied; a property that is undefined is dropped, an undefined array
 * item and a number that is not finite become null, as JSON.stringify then JSON.parse would make
 * them. Anything JSON would change in some other way (a Date, a Map, a class instance, a
 * function, a bigint, a symbol) is refused, so the two stores never differ silently.
 */
export function plainCopy<T>(value: T): T {
  return copyValue(value, 'record') as T;
}

function copyValue(value: unknown, path: string): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) {
        return value.map((item: unknown, i) =>
          item === undefined ? null : copyValue(item, `${path}[${i}]`),
        );
      }
      if (Object.getPrototypeOf(value) !== Object.prototype) break;
      return copyObject(value as Record<string, unknown>, path);
  }
  throw new TypeError(`${path} is not plain data (${describe(value)}); it cannot be stored.`);
}

function copyObject(value: Record<string, unknown>, path: string): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const name of Object.keys(value)) {
    const inner = value[name];
    if (inner !== undefined) copy[name] = copyValue(inner, `${path}.${name}`);
  }
  return copy;
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  return (value as object).constructor?.name ?? 'an object without a prototype';
}
