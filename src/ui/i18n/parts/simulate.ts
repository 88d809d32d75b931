import { definePart } from './part';

/** UI text of the simulate feature. */
export const simulateText = definePart({
  en: {},
  'pt-BR': {},
  es: {},
});
