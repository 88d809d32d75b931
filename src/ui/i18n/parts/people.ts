import { definePart } from './part';

/** UI text of the people feature. */
export const peopleText = definePart({
  en: {},
  'pt-BR': {},
  es: {},
});
