/**
 * The country of a phone number by the longest calling-code prefix (calling-codes.ts). A contact "looks like a phone
 * number" when, after an optional `whatsapp:` / `tel:` / `sms:` scheme, it is '+' and 8 to 15 digits, or 11 to 15 digits
 * without '+' (E.164 without its '+'; shorter digit strings are more likely national numbers such as a US 10-digit
 * number, which would read as +20 Egypt), with spaces, dashes, dots or parentheses around or between them ('(+55) 11
 * 98765-0001'). Called once per distinct contact. Notations with one pseudonymisation identity (../pseudonym.ts) read
 * as one country.
 */
import { CALLING_CODES } from './calling-codes';
import type { CallingCode } from './calling-codes';

const byPrefix = new Map<string, CallingCode[]>();
for (const c of CALLING_CODES) byPrefix.set(c.prefix, [...(byPrefix.get(c.prefix) ?? []), c]);
const LONGEST = Math.max(...CALLING_CODES.map((c) => c.prefix.length));

const SCHEME = /^(whatsapp|tel|sms):/i;
const PHONE_CHARS = /^[+\d\s().-]+$/;
const SEPARATORS = /[\s().-]+/g;
const COMPACT = /^\+?\d+$/;

/**
 * A contact's `whatsapp:` / `tel:` / `sms:` scheme (lower-cased, with its ':'; '' when none) and the rest, trimmed.
 */
export const splitScheme = (contact: string): [scheme: string, rest: string] => {
  const s = contact.trim();
  const m = SCHEME.exec(s);
  return m === null ? ['', s] : [`${m[1].toLowerCase()}:`, s.slice(m[0].length).trim()];
};

/**
 * A number written with separators, compacted: '+55 11 98765-0001' and '(+55) 11.98765.0001' -> '+5511987650001'
 * (an optional leading '+', then digits only); null when the text is not digits and separators.
 */
export const compactPhone = (s: string): string | null => {
  if (!PHONE_CHARS.test(s)) return null;
  const compact = s.replace(SEPARATORS, '');
  return COMPACT.test(compact) ? compact : null;
};

/** The digits of a contact that looks like an E.164 number, or null. */
export const phoneDigits = (contact: string): string | null => {
  const compact = compactPhone(splitScheme(contact)[1]);
  if (compact === null) return null;
  const plus = compact.charCodeAt(0) === 43;
  const digits = plus ? compact.slice(1) : compact;
  const least = plus ? 8 : 11;
  return digits.length >= least && digits.length <= 15 && digits.charCodeAt(0) !== 48 ? digits : null;
};

/**
 * The countries a number may belong to, longest prefix first, each with the UTC epoch ms from which it applies
 * (-Infinity: always). The first whose start is at or before an event's time is its country. Empty when none.
 */
export const phoneCountries = (contact: string): { from: number; country: string }[] => {
  const digits = phoneDigits(contact);
  if (digits === null) return [];
  const out: { from: number; country: string }[] = [];
  for (let n = Math.min(LONGEST, digits.length); n >= 1; n--) {
    for (const c of byPrefix.get(digits.slice(0, n)) ?? []) {
      const from = c.from ? Date.parse(`${c.from}T00:00:00Z`) : -Infinity;
      out.push({ from, country: c.country });
      if (from === -Infinity) return out;
    }
  }
  return out;
};

/** The country of a number at a UTC instant (default: now-independent, the undated assignment), or ''. */
export const phoneCountry = (contact: string, at = Infinity): string =>
  phoneCountries(contact).find((c) => c.from <= at)?.country ?? '';
