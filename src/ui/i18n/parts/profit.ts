import { definePart } from './part';

/** UI text of the profit feature. */
export const profitText = definePart({
  en: {},
  'pt-BR': {},
  es: {},
});
