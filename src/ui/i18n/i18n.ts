import { en, type MessageKey, type Messages } from './en';
import { es } from './es';
import { ptBR } from './pt-BR';
import { LOCALES, type Locale } from '../../state/app-slice';

export { LOCALES, type Locale };

const catalogs: Record<Locale, Messages> = { en, 'pt-BR': ptBR, es };

/** Each language named in itself, for the picker. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'pt-BR': 'Português (Brasil)', es: 'Español' };

export type Params = Record<string, string | number>;

/** Looks up a message and fills `{name}` placeholders; numbers are formatted for the locale. */
export const translate = (locale: Locale, key: MessageKey, params?: Params): string => {
  const template = catalogs[locale][key];
  if (!params) return template;
  const nf = new Intl.NumberFormat(locale);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? nf.format(v) : v;
  });
};
