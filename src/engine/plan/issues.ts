/** Zod issues turned into `{ path, message }` with paths like `charges[2].tiers[1].upTo` and plain messages. */
import type { z } from 'zod';
import { codeOfMessage, type IssueParams } from '../issue-codes';
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

/** What a value is, as a code for the UI ('string' with the value, 'list', …), beside `describe`'s English. */
const kindOf = (v: unknown): IssueParams => {
  if (v === null) return { got: 'null' };
  if (Array.isArray(v)) return { got: 'list' };
  if (typeof v === 'object') return { got: 'object' };
  if (typeof v === 'string') return { got: 'string', value: JSON.stringify(v) };
  return { got: typeof v === 'number' || typeof v === 'boolean' ? typeof v : 'other', value: String(v) };
};

type Coded = { message: string; code?: string; params?: IssueParams };

/** A zod issue's plain message with its stable code and parameters (engine/issue-codes.ts). */
const codedOf = (iss: AnyIssue): Coded => {
  const input = iss.input;
  switch (iss.code) {
    case 'invalid_type': {
      if (input === undefined) return { message: 'is required', code: 'required' };
      const expected = String(iss.expected);
      return {
        message: `must be ${EXPECTED[expected] ?? expected}, not ${describe(input)}`,
        ...(Object.hasOwn(EXPECTED, expected) ? { code: 'type', params: { expected, ...kindOf(input) } } : {}),
      };
    }
    case 'too_small': {
      const min = String(iss.minimum);
      if (iss.origin === 'string' && min === '1') return { message: 'must not be empty', code: 'notEmpty' };
      if (iss.origin === 'array') {
        return min === '1' ? { message: 'must have at least 1 item', code: 'minItem' }
          : { message: `must have at least ${min} items`, code: 'minItems', params: { min } };
      }
      return iss.inclusive ? { message: `must be at least ${min}`, code: 'min', params: { min } }
        : { message: `must be greater than ${min}`, code: 'gt', params: { min } };
    }
    case 'too_big': {
      const max = String(iss.maximum);
      if (iss.origin === 'array') return { message: `must have at most ${max} items`, code: 'maxItems', params: { max } };
      return iss.inclusive ? { message: `must be at most ${max}`, code: 'max', params: { max } }
        : { message: `must be less than ${max}`, code: 'lt', params: { max } };
    }
    case 'invalid_value':
      return Array.isArray(iss.values) && iss.values.length === 1
        ? { message: `must be '${String(iss.values[0])}'`, code: 'oneValue', params: { value: String(iss.values[0]) } }
        : { message: `must be one of ${quoteList((iss.values as unknown[]) ?? [])}`, code: 'oneOf', params: { options: quoteList((iss.values as unknown[]) ?? []) } };
    case 'invalid_union':
      if (Array.isArray(iss.options) && iss.options.length > 0) {
        const value =
          typeof input === 'object' && input !== null && typeof iss.discriminator === 'string'
            ? (input as Record<string, unknown>)[iss.discriminator]
            : input;
        if (value === undefined) return { message: 'is required', code: 'required' };
        const options = quoteList(iss.options as unknown[]);
        return { message: `must be one of ${options}, not ${describe(value)}`, code: 'oneOfType', params: { options, ...kindOf(value) } };
      }
      return { message: 'must be a value, a list of values or { "not": … }', code: 'filterValue' };
    case 'invalid_key':
      return { message: 'has an invalid name (names must not be empty)', code: 'invalidKey' };
    default:
      // Refinements: the schema's own wording, coded by its grammar (engine/issue-codes.ts).
      return { message: iss.message, ...codeOfMessage(iss.message) };
  }
};

/** Flattens zod issues (one issue per unknown field), in document order, each with its code and parameters. */
export const issuesFromZod = (error: z.ZodError): PlanIssue[] => {
  const out: PlanIssue[] = [];
  for (const raw of error.issues) {
    const iss = raw as AnyIssue;
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) {
        out.push({ path: formatPath([...iss.path, key]), message: `unknown field '${key}'`, code: 'unknownField', params: { field: key } });
      }
    } else {
      out.push({ path: formatPath(iss.path), ...codedOf(iss) });
    }
  }
  return out;
};
