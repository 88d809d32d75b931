import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../engine/issue-codes';
import { parsePlan } from '../../engine/plan/validate';
import { parseRules } from '../../engine/rules/parse-rules';
import { en, type MessageKey } from './en';
import { es } from './es';
import { translate, type Locale } from './i18n';
import { issueText } from './issue-text';
import { ptBR } from './pt-BR';

const tr = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
const say = (locale: Locale, issue: Parameters<typeof issueText>[0]) => issueText(issue, tr(locale), locale);
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('issue texts', () => {
  it('has a text for every code the engine gives, with the same placeholders in every language', () => {
    for (const code of ISSUE_CODES) {
      const key = `issue.${code}` as MessageKey;
      expect(Object.hasOwn(en, key), key).toBe(true);
      expect(placeholders(ptBR[key]), `pt-BR ${key}`).toEqual(placeholders(en[key]));
      expect(placeholders(es[key]), `es ${key}`).toEqual(placeholders(en[key]));
    }
  });

  it("the English catalogue says exactly the engine's message for every coded issue of these plans and rules", () => {
    const r = parsePlan({
      format: 'tarifa.plan/2', name: '', currency: 7, cycle: { anchorDay: 0, timeZone: 'UTC' }, meters: {}, charges: [{ model: 'x' }],
    });
    const big = parsePlan({
      format: 'tarifa.plan/1', name: 'p', currency: 'BRL', cycle: { anchorDay: 1, timeZone: 'Mars/Base' },
      meters: {
        msgs: { type: 'count', where: { hour: [8, 25], price: 0.5, country: 3, colour: 'x', weekday: [1, 2, 3], market: ['ZZ'] }, by: ['agent', 'agent', 'bogus'] },
        s: { type: 'sum', field: 'agent' },
      },
      charges: [
        { id: 'a', label: 'A', model: 'flat', amount: '1', meter: 'msgs', quantity: 1, freeUnits: 1 },
        { id: 'a', label: 'B', model: 'standard', unitPrice: '0.1' },
        { id: 'c', label: 'C', model: 'standard', unitPrice: '0.1', meter: 'nope', quantity: 2 },
        { id: 'd', label: 'D', model: 'graduated', meter: 'msgs', tiers: [{ upTo: null, unitPrice: '1' }, { upTo: 5, unitPrice: '1' }] },
        { id: 'e', label: 'E', model: 'rate-card', meter: 'msgs' },
        { id: 'f', label: 'F', model: 'rate-card', meter: 'msgs', rates: { XX: '1' }, cards: [{ effectiveFrom: 'soon', rates: {} }] },
      ],
      cap: { amount: '1', charges: ['zz'] },
    });
    const rules = parseRules({
      format: 'tarifa.rules/1', centres: [{ id: 'a' }, { id: 'a' }, { id: 'unattributed' }],
      rules: [{ centre: 'zz', where: { hour: 30 } }], shared: { method: 'fixed', weights: { a: 0, q: 1 } },
    });
    const issues = [r, big, rules].flatMap((x) => (x.ok ? [] : x.issues));
    expect(issues.length).toBeGreaterThan(25);
    // The catalogue's English must stay the validator's wording: rendered through it, each is the same sentence.
    for (const i of issues) expect(issueText(i, tr('en'), 'en-US')).toBe(i.message);
  });

  it('says the words inside parameters in the language too: what was given, the kind of thing, bounds in local notation', () => {
    const typed = parsePlan({ format: 'tarifa.plan/1', name: 'p', currency: 7, cycle: { anchorDay: 1, timeZone: 'UTC' }, meters: {}, charges: [] });
    if (typed.ok) throw new Error('expected an issue');
    const [type] = typed.issues;
    expect(say('pt-BR', type)).toBe('precisa ser um texto, não o número 7');
    expect(say('es', type)).toBe('debe ser un texto, no el número 7');
    expect(say('pt-BR', { path: '', message: 'a rules file must be a JSON object', code: 'notObject', params: { what: 'rules file' } }))
      .toBe('um arquivo de regras precisa ser um objeto JSON');
    const rules = parseRules({ format: 'tarifa.rules/1', centres: [{ id: 'a' }, { id: 'a' }], rules: [] });
    expect(say('es', (rules.ok ? [] : rules.issues)[0])).toBe("id de centro repetido 'a' (también en centres[0])");
    expect(say('pt-BR', { path: 'x', message: 'must be at least 0.5', code: 'min', params: { min: '0.5' } })).toBe('precisa ser pelo menos 0,5');
  });

  it('shows the English message for English, for an issue without a code and for a code it does not know', () => {
    expect(say('en', { path: 'a', message: 'must not be negative', code: 'notNegative' })).toBe('must not be negative');
    expect(say('pt-BR', { path: 'a', message: 'something new' })).toBe('something new');
    expect(say('es', { path: 'a', message: 'from a newer version', code: 'fromTheFuture' })).toBe('from a newer version');
    // The editors' own issues, made without a code, are coded by their wording.
    expect(say('pt-BR', { path: '(json)', message: 'not valid JSON: Unexpected token } in JSON at position 9 (line 2 column 3)' }))
      .toBe('JSON inválido: Unexpected token } in JSON at position 9 (linha 2, coluna 3)');
    expect(say('es', { path: '(json)', message: 'rules.json is not valid JSON: Unexpected end of JSON input' }))
      .toBe('rules.json no es un JSON válido: Unexpected end of JSON input');
  });
});

describe('rate-card issues', () => {
  it('says a rate-card line in Portuguese by its wording', () => {
    expect(say('pt-BR', { path: '', message: 'GBP differs from USD (line 4): a card has one currency' }))
      .toBe('GBP é diferente de USD (linha 4): uma tabela tem uma só moeda');
    expect(say('es', { path: '', message: "not a rate: 'abc' (a number, optionally with a currency symbol; n/a or -- when missing)" }))
      .toBe("no es una tarifa: 'abc' (un número, con o sin símbolo de moneda; n/a o -- si falta)");
  });
});
