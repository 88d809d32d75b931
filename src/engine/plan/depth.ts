/**
 * A guard before schema validation: zod (and the filter checks) recurse once per level, so a document nested
 * thousands of levels deep (`{"not": {"not": …}}`) would overflow the stack instead of giving an issue. Real plans and
 * rules nest a handful of levels; anything past MAX_DEPTH is reported at the path where it passes the limit.
 */
import { formatPath } from './issues';

export const MAX_DEPTH = 64;

/** The path of the first value nested deeper than `limit` objects/arrays, or null; iterative, so any depth is safe. */
export const tooDeepAt = (input: unknown, limit = MAX_DEPTH): string | null => {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) continue; // bytes nest nothing
    if (path.length >= limit) return formatPath(path);
    if (Array.isArray(value)) {
      value.forEach((v, i) => { if (typeof v === 'object' && v !== null) stack.push({ value: v, path: [...path, i] }); });
    } else {
      for (const [k, v] of Object.entries(value)) if (typeof v === 'object' && v !== null) stack.push({ value: v, path: [...path, k] });
    }
  }
  return null;
};

export const tooDeepMessage = `nested more than ${MAX_DEPTH} levels deep`;
