import { en, type MessageKey } from './en';

export type Locale = 'en';
const catalogs: Record<Locale, Record<MessageKey, string>> = { en };

export type Params = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders; numbers are formatted for the locale. */
export const translate = (locale: Locale, key: MessageKey, params?: Params): string => {
  const template = catalogs[locale][key] ?? en[key];
  if (!params) return template;
  const nf = new Intl.NumberFormat(locale);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? nf.format(v) : v;
  });
};
