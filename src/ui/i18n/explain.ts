/**
 * Engine explanations and import reasons in the user's language (issue #7): the engine gives each explanation a
 * message code with parameters next to its English text (engine/estimate/types.ts ExplanationMessage); this renders
 * the code through the catalogue, numbers in the locale's notation (exact: decimal strings go to Intl as strings).
 * Without a message (an estimate from an older version) the English text is shown as it is.
 */
import type { EstimateLine, ExplanationMessage } from '../../engine/estimate/types';
import { en, type MessageKey } from './en';
import type { Failure } from '../../worker/types';
import type { Params } from './i18n';

type T = (key: MessageKey, params?: Params) => string;

const decimalsOf = (s: string): number => {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : Math.min(20, s.length - dot - 1);
};

/** A plain decimal string ("12345.50") in the locale's notation, exactly ("12.345,50" in pt-BR). */
export const formatDecimal = (s: string, locale: string): string => {
  if (!/^-?\d+(\.\d+)?$/.test(s)) return s;
  const d = decimalsOf(s);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(s as unknown as number);
};

/** The numbers of an English formula ("1,000 × 0.01 (tier up to 1,000)") in the locale's notation; dates kept. */
const localiseNumbers = (text: string, locale: string): string =>
  text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) => (i % 2 === 1 ? part
    : part.replace(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g, (n) => formatDecimal(n.replace(/,/g, ''), locale)))).join('');

const TIER = '(up to [\\d,]+|above [\\d,]+|[\\d,]+-[\\d,]+)';

/** A tier's name as the engine writes it ("up to 1,000", "1,000-5,000", "above 5,000") in the user's language. */
const tierText = (name: string, t: T): string => {
  const upTo = /^up to (.+)$/.exec(name);
  if (upTo) return t('formula.tierUpTo', { n: upTo[1] });
  const above = /^above (.+)$/.exec(name);
  if (above) return t('formula.tierAbove', { n: above[1] });
  const [from, to] = name.split('-');
  return t('formula.tierRange', { from, to });
};

/** The words of an English formula (charges/price.ts, tiers.ts) in the user's language; numbers as they are. */
const localiseWords = (text: string, t: T): string =>
  text
    .replace(new RegExp(`flat fee of tier ${TIER}:`, 'g'), (_, tier: string) => `${t('formula.flatFee', { tier: tierText(tier, t) })}:`)
    .replace(new RegExp(`\\(all units at tier ${TIER}\\)`, 'g'), (_, tier: string) => `(${t('formula.allUnits', { tier: tierText(tier, t) })})`)
    .replace(new RegExp(`\\(tier ${TIER}\\)`, 'g'), (_, tier: string) => `(${t('formula.tier', { tier: tierText(tier, t) })})`)
    .replace(/(\d[\d,]*) (packages?) of ([\d,]+) at /g, (_, n: string, word: string, size: string) =>
      `${n} ${t(word === 'package' ? 'formula.package' : 'formula.packages', { size })} `)
    .replace(/ per ([\d,]+)$/, (_, n: string) => ` ${t('formula.per', { n })}`);

const MODES = ['half-up', 'half-even', 'up', 'down'] as const;

/** "rounded to 25.00 (2 decimals, half-up)". */
const roundedTo = (p: Record<string, string>, t: T, locale: string): string => {
  const mode = (MODES as readonly string[]).includes(p.mode) ? t(`explain.mode.${p.mode as (typeof MODES)[number]}`) : p.mode;
  return t('explain.roundedTo', { amount: formatDecimal(p.amount, locale), decimals: Number(p.decimals), mode });
};

/** The amount, or "raw, rounded to amount (rule)" when it was rounded. */
const rounded = (p: Record<string, string>, t: T, locale: string, shown: string): string =>
  p.raw === undefined ? shown : `${formatDecimal(p.raw, locale)}, ${roundedTo(p, t, locale)}`;

/** An explanation message as a sentence in the user's language. */
export const explanationText = (message: ExplanationMessage, t: T, locale: string): string => {
  const p = message.params;
  const n = (s: string) => formatDecimal(s, locale);
  switch (message.code) {
    case 'usage':
    case 'fixed': {
      const what = message.code === 'usage'
        ? t('explain.usage', { quantity: n(p.quantity), meter: p.meter ?? '' }) + (p.key !== undefined ? ` [${p.key}]` : '') + (p.filter ? ` (${p.filter})` : '')
        : t('explain.fixed', { quantity: n(p.quantity) });
      const parts = [what];
      if (p.free !== undefined) parts.push(t('explain.free', { free: n(p.free) }));
      parts.push(t('explain.billable', { billable: n(p.billable), formula: localiseNumbers(localiseWords(p.formula, t), locale), amount: rounded(p, t, locale, n(p.amount)) }));
      return parts.join('; ');
    }
    case 'flat':
    case 'flat-once': {
      const text = t(message.code === 'flat' ? 'explain.flat' : 'explain.flatOnce', { fee: n(p.fee) });
      return p.raw === undefined ? text : `${text}, ${roundedTo(p, t, locale)}`;
    }
    case 'minimum-spend':
      return t('explain.minimumSpend', { subtotal: n(p.subtotal), minimum: n(p.minimum), amount: n(p.amount) });
    case 'cap':
      return t('explain.cap', {
        charges: p.charges, charged: n(p.charged), cap: n(p.cap), excess: n(p.excess),
        above: p.percent !== undefined ? t('explain.cap.percent', { percent: n(p.percent) }) : t('explain.cap.above'),
        tolerance: n(p.tolerance), status: t(p.beyond === 'true' ? 'explain.cap.beyond' : 'explain.cap.within'),
      });
    case 'projection':
      return t('explain.projection', {
        elapsed: n(p.elapsedDays), days: n(p.cycleDays), percent: n(p.percent), factor: n(p.factor), total: n(p.total),
      });
  }
};

/** A line's explanation: the translated message when the engine gave one, else its English text. */
export const lineExplanation = (line: EstimateLine, t: T, locale: string): string =>
  line.explanation.message ? explanationText(line.explanation.message, t, locale) : line.explanation.text;

/** A line's label: the engine's own lines (minimum-spend true-up, cost cap) translated; a plan's charges as labelled. */
export const lineLabel = (line: EstimateLine, t: T): string =>
  line.charge === 'minimum-spend' && line.label === 'Minimum spend true-up' ? t('explain.label.minimumSpend')
    : line.charge === 'cap' && line.label === 'Cost cap adjustment' ? t('explain.label.cap') : line.label;

/**
 * Import reasons are stored as English text of a fixed grammar ("<field>: <what>", import/generic/row-writer.ts and
 * the people reader); the common ones are recognised here and said in the user's language, the rest shown as they
 * are. test/integration/explanations-i18n.test.ts imports bad rows to keep this in step with the reader.
 */
const REASONS: { re: RegExp; key: MessageKey; names: string[] }[] = [
  { re: /^row: expected (\d+) fields, found (\d+)$/, key: 'reject.width', names: ['expected', 'found'] },
  { re: /^timestamp: empty$/, key: 'reject.timestampEmpty', names: [] },
  { re: /^timestamp: cannot read '(.*)' as a date \(day\/month order unknown: set dateOrder\)$/s, key: 'reject.timestampOrder', names: ['value'] },
  { re: /^timestamp: cannot read '(.*)' as a date$/s, key: 'reject.timestamp', names: ['value'] },
  { re: /^(\w+): '(.*)' is not a number$/s, key: 'reject.number', names: ['field', 'value'] },
  { re: /^(\w+): '(.*)' must not be negative$/s, key: 'reject.negative', names: ['field', 'value'] },
  { re: /^price: '(.*)' is not a decimal amount$/s, key: 'reject.price', names: ['value'] },
  { re: /^direction: '(.*)' is not inbound or outbound$/s, key: 'reject.direction', names: ['value'] },
  { re: /^e-mail: '(.*)' is not an e-mail address$/s, key: 'reject.email', names: ['value'] },
  { re: /^(e-mail|agent): '(.*)' is already on line (\d+)$/s, key: 'reject.twin', names: ['field', 'value', 'line'] },
  { re: /^name: empty \(a person needs a name, an e-mail or an agent id\)$/, key: 'reject.person', names: [] },
  // Quote errors of the CSV parser (PapaParse's messages, lower-cased by the import).
  { re: /^row: quoted field unterminated$/, key: 'msg.reject.unterminated', names: [] },
  { re: /^row: trailing quote on quoted field is malformed$/, key: 'msg.reject.badQuote', names: [] },
];

/** An import reject reason in the user's language (the English text when it is not one of the known reasons). */
export const rejectReason = (reason: string, t: T): string => {
  const point = /^data point (\d+): (.*)$/s.exec(reason);
  if (point) return t('reject.dataPoint', { n: point[1], reason: rejectReason(point[2], t) });
  for (const { re, key, names } of REASONS) {
    const m = re.exec(reason);
    if (m) return t(key, Object.fromEntries(names.map((name, i) => [name, m[i + 1]])));
  }
  return reason;
};

/** Messages of the 'not-found' failures other than a dataset's, by the thing that went. */
const NOT_FOUND: Record<string, MessageKey> = {
  'These rules no longer exist.': 'msg.notFound.rules',
  'This preset no longer exists.': 'msg.notFound.preset',
};

/**
 * A worker failure in the user's language: by its `detail` (code and parameters, ui/i18n/parts/messages.ts) when it
 * has one, else where its code says it all (a dataset gone, storage full, a cancelled job, rules with problems, a
 * database upgraded in another tab); otherwise the worker's English message. Issues by path stay as the validator
 * wrote them.
 */
export const failureText = (failure: { code: string; message: string; issues?: unknown[]; detail?: Failure['detail'] }, t: T): string => {
  const detail = failure.detail;
  const key = detail ? `msg.${detail.code}` : '';
  if (detail && Object.hasOwn(en, key)) {
    const params = { ...detail.params };
    // The first rejected row's reason is an import reject reason: said in the user's language too.
    if (typeof params.reason === 'string') params.reason = rejectReason(params.reason, t);
    const text = t(key as MessageKey, params);
    return detail.file === undefined ? text : t('msg.inFile', { file: detail.file, message: text });
  }
  switch (failure.code) {
    case 'outdated': return t('msg.outdated.failure');
    case 'not-found': {
      // The code is shared by every stored thing; the message says which one went.
      const gone = NOT_FOUND[failure.message];
      return gone ? t(gone) : /dataset/.test(failure.message) ? t('failure.notFound') : failure.message;
    }
    case 'invalid-plan': case 'invalid-scenario': case 'invalid-preset': case 'invalid-contract': case 'invalid-template':
      // "The plan has 2 problems.": the count is the issues listed beside it.
      return /^The \w+ has (\d+ )?problems?\.$/.test(failure.message) && failure.issues
        ? t(`msg.problems.${failure.code.slice('invalid-'.length)}` as MessageKey, { count: failure.issues.length }) : failure.message;
    case 'quota': return t('failure.quota');
    case 'cancelled': return t('failure.cancelled');
    case 'invalid-rules': return /^The rules have \d+ problems?\.$/.test(failure.message) ? t('failure.rules', { count: failure.issues?.length ?? 0 }) : failure.message;
    default: return failure.message;
  }
};
