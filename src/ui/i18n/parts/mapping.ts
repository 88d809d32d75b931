import { definePart } from './part';

/** UI text of the mapping feature. */
export const mappingText = definePart({
  en: {},
  'pt-BR': {},
  es: {},
});
