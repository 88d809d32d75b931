import { useEffect, useId } from 'react';
import { LOCALES, LOCALE_NAMES, type Locale } from '../i18n/i18n';
import { useT } from '../i18n/use-t';
import { useAppStore } from './store-context';

export const LanguagePicker = () => {
  const t = useT();
  const id = useId();
  const locale = useAppStore((s) => s.locale);
  const setLocale = useAppStore((s) => s.setLocale);
  useEffect(() => { document.documentElement.lang = locale; }, [locale]);
  return (
    <div className="language">
      <label htmlFor={id} className="sr-only">{t('nav.language')}</label>
      <select id={id} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {LOCALES.map((l) => <option key={l} value={l} lang={l}>{LOCALE_NAMES[l]}</option>)}
      </select>
    </div>
  );
};
