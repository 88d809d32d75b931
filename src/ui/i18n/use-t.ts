import { useCallback } from 'react';
import { useAppStore } from '../app/store-context';
import { translate, type Params } from './i18n';
import type { MessageKey } from './en';

export const useT = () => {
  const locale = useAppStore((s) => s.locale);
  return useCallback((key: MessageKey, params?: Params) => translate(locale, key, params), [locale]);
};

export const useLocale = () => useAppStore((s) => s.locale);
