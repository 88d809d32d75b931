/**
 * Stable codes of validation issues (issue #7): every issue of a plan, rules, contract, scenario or custom preset
 * keeps its English `message` (the CLI and JSON outputs say exactly that) and gains a `code` with `params`, which the
 * UI says in the user's language (ui/i18n/issue-text.ts). Zod's own issue kinds are coded where they are turned into
 * text (plan/issues.ts); the messages the validators write themselves (refinements and cross-field checks) are
 * recognised here by their fixed grammar, so each wording has one code and one translation. A message not recognised
 * keeps no code and is shown in English.
 */

export type IssueParams = Record<string, string>;
export type CodedIssue = { path: string; message: string; code?: string; params?: IssueParams };

type Pattern = { re: RegExp; code: string; names: readonly string[] };

const p = (re: RegExp, code: string, ...names: string[]): Pattern => ({ re, code, names });

/**
 * The validators' own wordings (engine/plan/validate.ts, check-rate-card.ts, depth.ts, the schemas' refinements,
 * rules/parse-rules.ts, profitability/contract.ts, simulate/scenario.ts, import/mapping/schema.ts). Order matters:
 * the first match wins, so longer forms come before their prefixes.
 */
const PATTERNS: readonly Pattern[] = [
  p(/^a (plan|rules file|contract|preset|scenario) must be a JSON object$/, 'notObject', 'what'),
  p(/^nested more than (\d+) levels deep$/, 'tooDeep', 'max'),
  p(/^is required$/, 'required'),
  p(/^must not be empty$/, 'notEmpty'),
  p(/^must not be negative$/, 'notNegative'),
  p(/^must be a decimal string such as "(.*)", not (.*)$/s, 'decimalExampleNot', 'example', 'value'),
  p(/^must be a decimal string such as "(.*)"$/, 'decimalExample', 'example'),
  p(/^must be a number or a decimal string such as "(.*)"$/, 'numberOrDecimal', 'example'),
  p(/^must be a decimal string, not number (\S+) \(write ".*"\)$/, 'decimalNotNumber', 'value'),
  p(/^must be a string, not number (\S+) \(write ".*"\)$/, 'stringNotNumber', 'value'),
  p(/^must be a number \((.*) is numeric\)$/, 'numericField', 'field'),
  p(/^prices are compared in millionths: at most 6 decimals, not (.*)$/s, 'priceDecimals', 'value'),
  p(/^must be (?:more|greater) than (-?[\d.]+)$/, 'gt', 'min'),
  p(/^must be above (-?[\d.]+)$/, 'gt', 'min'),
  p(/^must be at least (-?[\d.]+)$/, 'min', 'min'),
  p(/^must be less than (-?[\d.]+)$/, 'lt', 'max'),
  p(/^must be at most (-?[\d.]+)$/, 'max', 'max'),
  p(/^must have at least 1 item$/, 'minItem'),
  p(/^must have at least (\d+) items$/, 'minItems', 'min'),
  p(/^must have at most (\d+) items$/, 'maxItems', 'max'),
  p(/^must be a month as YYYY-MM$/, 'month'),
  p(/^must be 'shipped:<file>' or 'saved:<id>'$/, 'planRef'),
  p(/^must be a three-letter currency code such as "(.*)"$/, 'currencyCode', 'example'),
  p(/^must be an e-mail address such as "(.*)"$/, 'email', 'example'),
  p(/^must be one of (.*), not (.*)$/s, 'oneOfNot', 'options', 'value'),
  p(/^must be one of (.*)$/s, 'oneOf', 'options'),
  p(/^must be '([^']*)' or '([^']*)', not '(.*)'$/s, 'eitherNot', 'a', 'b', 'value'),
  p(/^must be '(.*)'$/s, 'oneValue', 'value'),
  p(/^must be a value, a list of values or \{ "not": … \}$/, 'filterValue'),
  p(/^has an invalid name \(names must not be empty\)$/, 'invalidKey'),
  p(/^unknown field '(.*)' \(a text field such as contact, channel, agent, or market, hour, weekday\)$/, 'unknownKeyField', 'field'),
  p(/^unknown field '(.*)'$/, 'unknownField', 'field'),
  p(/^filtering on '(.*)' is not supported yet by this version$/, 'filterNotSupported', 'field'),
  p(/^'(.*)' in '(.*)' is not supported yet by this version$/, 'fieldNotSupported', 'field', 'list'),
  p(/^'(.*)' is not supported yet by this version$/, 'notSupported', 'what'),
  p(/^'(.*)' is listed twice$/, 'listedTwice', 'field'),
  p(/^(\w+) takes a whole number (\d+)-(\d+) or a \[from, to\] range: a range has exactly two numbers, not (\d+)$/, 'clockRange', 'field', 'min', 'max', 'count'),
  p(/^(\w+) takes a whole number (\d+)-(\d+) or a \[from, to\] range, not (.*)$/s, 'clockValue', 'field', 'min', 'max', 'value'),
  p(/^only the last tier may have no upper bound \(null\)$/, 'tierNullNotLast'),
  p(/^the last tier must have upTo null \(no upper bound\)$/, 'tierLastNull'),
  p(/^unknown meter '(.*)' in plan '(.*)' \(meters: (.*)\)$/, 'driverUnknown', 'name', 'plan', 'known'),
  p(/^unknown meter '(.*)' \(meters: (.*)\)$/, 'unknownMeterKnown', 'name', 'known'),
  p(/^unknown meter '(.*)'$/, 'unknownMeter', 'name'),
  p(/^a flat charge takes no (\w+)$/, 'flatTakesNo', 'field'),
  p(/^a '(.*)' charge needs a 'meter' or a fixed 'quantity'$/, 'needsMeter', 'model'),
  p(/^give either 'meter' or 'quantity', not both$/, 'meterOrQuantity'),
  p(/^unknown time zone '(.*)' \(an IANA name such as 'America\/Sao_Paulo'\)$/, 'timeZone', 'value'),
  p(/^'(.*)' is not an IANA time zone \(e\.g\. America\/Sao_Paulo\)$/, 'timeZone', 'value'),
  p(/^duplicate (charge|centre) id '(.*)' \(also (.*)\)$/, 'duplicateId', 'kind', 'id', 'other'),
  p(/^unknown charge id '(.*)'$/, 'unknownCharge', 'id'),
  p(/^unknown market '(.*?)' in rate key '(.*)' \(markets are ISO codes .*\)$/s, 'unknownMarketKey', 'name', 'key'),
  p(/^unknown market '(.*)' \(markets are ISO codes .*\)$/s, 'unknownMarket', 'name'),
  p(/^must be an ISO date \("2026-07-01"\) or date-time .*, not (.*)$/s, 'isoDate', 'value'),
  p(/^must be after (.*) \(cards are sorted by effectiveFrom\)$/, 'cardOrder', 'other'),
  p(/^the card is in (.*) but the plan is in (.*) \(rates are not converted\)$/, 'cardCurrency', 'card', 'plan'),
  p(/^give the default rate once: 'default' or rates\.default, not both$/, 'defaultTwice'),
  p(/^give either 'rates' \(one card\) or 'cards' \(dated cards\), not both$/, 'ratesOrCards'),
  p(/^a 'rate-card' charge needs 'rates' or 'cards'$/, 'needsRates'),
  p(/^a 'rate-card' charge needs a meter with 'by' \(meter '(.*)' has none\)$/, 'needsByOf', 'name'),
  p(/^a 'rate-card' charge needs a meter with 'by'$/, 'needsBy'),
  p(/^'(.*)' is reserved for cost that no rule attributes$/, 'reservedCentre', 'id'),
  p(/^unknown centre '(.*)' \(centres: (.*)\)$/, 'unknownCentre', 'id', 'known'),
  p(/^the weights of the declared centres must add up to more than 0$/, 'weightsZero'),
  p(/^is required to split an invoice total \(meters: (.*)\)$/, 'driverRequired', 'known'),
  p(/^must be more than category (\d+)'s cap \((.*)\)$/, 'categoryCap', 'n', 'cap'),
  p(/^category (\d+) has no cap \((\d+) categor(?:y is|ies are) defined\)$/, 'categoryNoCap', 'n', 'count'),
  p(/^is required: which column holds the date and time$/, 'timestampColumn'),
  p(/^'(.*)' is not a column of the header \((.*)\)$/s, 'notAColumn', 'column', 'header'),
  p(/^maps the same text as '(.*)' \(texts are matched ignoring case and spaces\)$/s, 'sameText', 'other'),
  p(/^(\w+) is read from the column '(.*)': give a column or a constant, not both$/, 'columnOrConstant', 'field', 'column'),
  // A Meta rate-card CSV read for the plan editor (import/rate-cards/meta-csv.ts, rate-cell.ts), issues by line.
  p(/^column '(.*)' repeats column '(.*)'$/, 'columnRepeats', 'column', 'other'),
  p(/^no header row with a Market column and rate columns \((.*)\)$/, 'rateHeader', 'columns'),
  p(/^no market rows after the header$/, 'noMarketRows'),
  p(/^rates without a market$/, 'ratesNoMarket'),
  p(/^unknown market '(.*)'$/s, 'unknownMarketName', 'name'),
  p(/^market '(.*)' \((.*)\) is already on line (\d+)$/, 'marketTwice', 'name', 'id', 'line'),
  p(/^unknown currency '(.*)'$/s, 'unknownCurrency', 'value'),
  p(/^a rate cannot be negative: '(.*)'$/s, 'rateNegative', 'value'),
  p(/^not a rate: '(.*)' \(a number, optionally with a currency symbol; n\/a or -- when missing\)$/s, 'notARate', 'value'),
  p(/^rate in (\S+) on a row in (\S+)$/, 'rateRowCurrency', 'rate', 'row'),
  p(/^(\S+) differs from (\S+) \(line (\d+)\): a card has one currency$/, 'cardOneCurrency', 'row', 'card', 'line'),
  // Pricing (estimate/pricing-error.ts): a rate card with no rate for a key the data has.
  p(/^key '(.*)' has units before the first card of rate card '(.*)' \((.*)\): no card is in force then$/, 'rateBeforeFirstCard', 'key', 'charge', 'from'),
  p(/^no rate for key '(.*)' in the card from (\S+) of rate card '(.*)', and no 'default' rate$/, 'noRateInCard', 'key', 'from', 'charge'),
  p(/^no rate for key '(.*)' in rate card '(.*)', and no 'default' rate$/, 'noRate', 'key', 'charge'),
  // Documents that are no JSON at all (the editors' own issues, ui and state; the parser's reason stays as it is).
  p(/^not valid JSON: (.*) \(line (\d+) column (\d+)\)$/s, 'notJsonAt', 'error', 'line', 'column'),
  p(/^not valid JSON: (.*)$/s, 'notJson', 'error'),
  p(/^(.*) is not valid JSON: (.*)$/s, 'fileNotJson', 'file', 'error'),
  p(/^fixed weights cannot be edited here; split with these rules from the command line$/, 'fixedWeights'),
];

/** Every code an issue can carry: the validators' wordings and zod's kinds (plan/issues.ts). */
export const ISSUE_CODES: readonly string[] = [...new Set([...PATTERNS.map((x) => x.code), 'type', 'oneOfType'])];

/** The code and parameters of a validator's message, or nothing when it is not one of the known wordings. */
export const codeOfMessage = (message: string): { code: string; params?: IssueParams } | undefined => {
  for (const { re, code, names } of PATTERNS) {
    const m = re.exec(message);
    if (m) return names.length === 0 ? { code } : { code, params: Object.fromEntries(names.map((n, i) => [n, m[i + 1]])) };
  }
  return undefined;
};

/** An issue at `path` with its message's code and parameters beside it (no code when the wording is unknown). */
export const coded = (path: string, message: string): CodedIssue => ({ path, message, ...codeOfMessage(message) });

/** The same issues, each with its code where it has none yet (issues kept in order, messages unchanged). */
export const withCodes = <I extends CodedIssue>(issues: I[]): I[] =>
  issues.map((i) => (i.code !== undefined ? i : { ...i, ...codeOfMessage(i.message) }));
