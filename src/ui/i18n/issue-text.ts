/**
 * A validation issue (plan, rules, contract, scenario, custom preset) in the user's language (issue #7): the engine
 * gives each issue a code and parameters beside its English message (engine/issue-codes.ts); this says the code
 * through the catalogue (ui/i18n/parts/issues.ts), bounds in the locale's notation. English shows the validator's own
 * message, exactly as the CLI prints it; so does an issue with a code this version does not know, or with no code and a
 * wording not known either (issues the UI and the state make themselves are coded by their wording here).
 */
import { useCallback } from 'react';
import { codeOfMessage } from '../../engine/issue-codes';
import { en, type MessageKey } from './en';
import { formatDecimal } from './explain';
import type { Params } from './i18n';
import { useLocale, useT } from './use-t';

type T = (key: MessageKey, params?: Params) => string;
export type IssueLike = { path: string; message: string; code?: string; params?: Record<string, string> };

const known = (key: string): key is MessageKey => Object.hasOwn(en, key);

/** A parameter that names a word of the catalogue ('plan', 'number', 'charge') said in the user's language. */
const word = (prefix: string, value: string | undefined, t: T, params?: Params): string | undefined => {
  if (value === undefined) return undefined;
  const key = `issue.${prefix}.${value === 'rules file' ? 'rules' : value}`;
  return known(key) ? t(key, params) : value;
};

/** The issue's message (without its path) in the user's language. */
export const issueText = (issue: IssueLike, t: T, locale: string): string => {
  if (locale === 'en') return issue.message;
  // Issues the UI and the state make themselves ("not valid JSON: …") have no code yet: their wording gives one.
  const coded = issue.code !== undefined ? { code: issue.code, params: issue.params } : codeOfMessage(issue.message);
  const key = `issue.${coded?.code ?? ''}`;
  if (coded === undefined || !known(key)) return issue.message;
  const raw = coded.params ?? {};
  const p: Params = { ...raw };
  for (const name of ['min', 'max', 'cap'] as const) if (raw[name] !== undefined) p[name] = formatDecimal(raw[name], locale);
  const what = word('what', raw.what, t);
  if (what !== undefined) p.what = what;
  const expected = word('expected', raw.expected, t);
  if (expected !== undefined) p.expected = expected;
  const kind = word('kind', raw.kind, t);
  if (kind !== undefined) p.kind = kind;
  const got = word('got', raw.got, t, { value: raw.value ?? '' });
  if (got !== undefined) p.got = got;
  return t(key, p);
};

/** `issueText` bound to the current language. */
export const useIssueText = (): ((issue: IssueLike) => string) => {
  const t = useT();
  const locale = useLocale();
  return useCallback((issue: IssueLike) => issueText(issue, t, locale), [t, locale]);
};
