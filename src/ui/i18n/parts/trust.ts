import { definePart } from './part';

/** UI text of the trust feature. */
export const trustText = definePart({
  en: {},
  'pt-BR': {},
  es: {},
});
