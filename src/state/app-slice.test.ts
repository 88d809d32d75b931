import { describe, expect, it } from 'vitest';
import { pickLocale } from './app-slice';

describe('pickLocale', () => {
  it('prefers the saved choice', () => expect(pickLocale(['es-AR'], 'pt-BR')).toBe('pt-BR'));
  it('ignores an unknown saved value', () => expect(pickLocale(['es-AR'], 'fr')).toBe('es'));
  it('maps any Portuguese or Spanish browser language', () => {
    expect(pickLocale(['pt-PT', 'en'])).toBe('pt-BR');
    expect(pickLocale(['es-419'])).toBe('es');
  });
  it('takes the first language it speaks, else English', () => {
    expect(pickLocale(['de-DE', 'es-ES'])).toBe('es');
    expect(pickLocale(['de-DE', 'fr'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });
});
