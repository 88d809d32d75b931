/** Zod issues turned into `{ path, message }` with paths like `charges[2].tiers[1].upTo` and plain messages. */
import type { z } from 'zod';
import type { PlanIssue } from './types';

type Key = PropertyKey;

const IDENT_RE = /^[A-Za-z_$][\w$-]*$/;

/** ['charges', 2, 'tiers', 1, 'upTo'] -> "charges[2].tiers[1].upTo"; odd keys are quoted: meters["a.b"]. */
export const formatPath = (path: readonly Key[]): string =>
  path
    .map((k, i) => {
      if (typeof k === 'number') return `[${k}]`;
      const s = String(k);
      if (!IDENT_RE.test(s)) return `[${JSON.stringify(s)}]`;
      return i === 0 ? s : `.${s}`;
    })
    .join('');

const describe = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v)}`;
  return `${typeof v} ${String(v)}`;
};

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
  tuple: 'a list',
  null: 'null',
  nonoptional: 'present',
};

const quoteList = (values: readonly unknown[]): string => values.map((v) => `'${String(v)}'`).join(', ');

type AnyIssue = z.core.$ZodIssue & Record<string, unknown>;

const messageOf = (iss: AnyIssue): string => {
  const input = iss.input;
  switch (iss.code) {
    case 'invalid_type':
      if (input === undefined) return 'is required';
      return `must be ${EXPECTED[String(iss.expected)] ?? String(iss.expected)}, not ${describe(input)}`;
    case 'too_small': {
      const min = String(iss.minimum);
      if (iss.origin === 'string' && min === '1') return 'must not be empty';
      if (iss.origin === 'array') return `must have at least ${min} item${min === '1' ? '' : 's'}`;
      return iss.inclusive ? `must be at least ${min}` : `must be greater than ${min}`;
    }
    case 'too_big': {
      const max = String(iss.maximum);
      if (iss.origin === 'array') return `must have at most ${max} items`;
      return iss.inclusive ? `must be at most ${max}` : `must be less than ${max}`;
    }
    case 'invalid_value':
      return Array.isArray(iss.values) && iss.values.length === 1
        ? `must be '${String(iss.values[0])}'`
        : `must be one of ${quoteList((iss.values as unknown[]) ?? [])}`;
    case 'invalid_union':
      if (Array.isArray(iss.options) && iss.options.length > 0) {
        const value =
          typeof input === 'object' && input !== null && typeof iss.discriminator === 'string'
            ? (input as Record<string, unknown>)[iss.discriminator]
            : input;
        if (value === undefined) return 'is required';
        return `must be one of ${quoteList(iss.options as unknown[])}, not ${describe(value)}`;
      }
      return 'must be a value, a list of values or { "not": … }';
    case 'invalid_key':
      return 'has an invalid name (names must not be empty)';
    default:
      return iss.message;
  }
};

/** Flattens zod issues (one issue per unknown field), in document order. */
export const issuesFromZod = (error: z.ZodError): PlanIssue[] => {
  const out: PlanIssue[] = [];
  for (const raw of error.issues) {
    const iss = raw as AnyIssue;
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) out.push({ path: formatPath([...iss.path, key]), message: `unknown field '${key}'` });
    } else {
      out.push({ path: formatPath(iss.path), message: messageOf(iss) });
    }
  }
  return out;
};
