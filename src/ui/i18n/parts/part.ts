/**
 * A feature's UI text in every language, kept beside the other features' parts instead of in one long catalogue.
 * `en` defines the keys; the other languages must have exactly the same keys (a missing translation is a type error).
 * Each part is spread into en.ts, pt-BR.ts and es.ts.
 */
export type Part<T extends Record<string, string>> = {
  en: T;
  'pt-BR': Record<keyof T, string>;
  es: Record<keyof T, string>;
};

/** Declares a part; keys are prefixed by the feature (e.g. 'sim.title') so parts never collide. */
export const definePart = <const T extends Record<string, string>>(part: Part<T>): Part<T> => part;
