/**
 * Offer templates use numbered placeholders, as tabuni's do: `{0}` is replaced by value 0, `{1}` by value 1 … A
 * literal brace is written twice (`{{`, `}}`). The meaning of each number is fixed (the editor lists them beside
 * the text); the UI names them in its language (keys `profit.ph.<key>`).
 */
export const PLACEHOLDERS = [
  'tolerance', //       {0} the contract's tolerance, e.g. "10 %"
  'greeting', //        {1} greeting with the contact's name, e.g. "Dear Maria,"
  'client', //          {2} the client's name
  'period', //          {3} the period checked, e.g. "October 2026"
  'minutes', //         {4} handled minutes in the period
  'calls', //           {5} handled inbound calls in the period
  'referencePrice', //  {6} the reference price per minute
  'currentPrice', //    {7} the current price: monthly fee, price per call or the cap of the current category
  'cost', //            {8} the cost of the period's work at the reference price
  'proposedPrice', //   {9} the proposed price: monthly fee, price per call, next category's cap or price per minute
  'currentCategory', // {10} cost cap: the client's category
  'proposedCategory', // {11} cost cap: the next category (or "per minute" beyond the last)
  'sender', //          {12} who signs the offer
  'revenue', //         {13} what the contract earned in the period
] as const;

export type PlaceholderKey = (typeof PLACEHOLDERS)[number];

/** Placeholder number of a key: indexOf in PLACEHOLDERS. */
export const placeholderIndex = (key: PlaceholderKey): number => PLACEHOLDERS.indexOf(key);

export type RenderResult = {
  text: string;
  /** Placeholder numbers used in the text that have no value (left as written). */
  unknown: number[];
};

/**
 * Fills `{n}` with `values[n]`; `{{` and `}}` give literal braces; a placeholder without a value stays as written and
 * is listed in `unknown`. Single pass, so a value that contains `{1}` is not expanded again.
 */
export const renderTemplate = (text: string, values: readonly string[]): RenderResult => {
  const unknown = new Set<number>();
  const out = text.replace(/\{\{|\}\}|\{(\d+)\}/g, (whole, n: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    const k = Number(n);
    if (k < values.length) return values[k];
    unknown.add(k);
    return whole;
  });
  return { text: out, unknown: [...unknown].sort((a, b) => a - b) };
};
