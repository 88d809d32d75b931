import { describe, expect, it } from 'vitest';
import { extraHeaderAllowed, judgeExtraValues, MAX_EXTRA_COLUMNS, pickExtraColumns } from './extra-columns';

describe('extra columns by header', () => {
  it('refuses bodies, free text and contacts in English, Portuguese and Spanish; allows grouping names', () => {
    for (const h of ['Body', 'Mensagem', 'Texto da mensagem', 'Contenido', 'Notes', 'Observações', 'E-mail', 'Correo electrónico',
      'Telefone', 'Celular', 'Phone number', 'CPF', 'Endereço', 'From', 'To', 'Nome', 'Customer name', 'Contato', 'IP']) {
      expect(extraHeaderAllowed(h), h).toBe(false);
    }
    for (const h of ['Department', 'Centro de custo', 'Cliente', 'Região', 'Campaign', 'Área', 'Produto', 'Skill']) {
      expect(extraHeaderAllowed(h), h).toBe(true);
    }
  });

  it('picks unused, allowed, unique headers in order, at most 16', () => {
    const headers = ['timestamp', 'Dept', 'Dept', 'Notes', 'Region', ...Array.from({ length: 30 }, (_, i) => `c${i}`)];
    const picked = pickExtraColumns(headers, (i) => i === 0);
    expect(picked.slice(0, 2)).toEqual([{ name: 'Region', col: 4 }, { name: 'c0', col: 5 }]);
    expect(picked.length).toBe(MAX_EXTRA_COLUMNS);
  });
});

describe('extra columns by values', () => {
  it('keeps few short values; drops ids, free text and contacts', () => {
    expect(judgeExtraValues(['Sales', 'Support'], 1000)).toBe('keep');
    expect(judgeExtraValues(Array.from({ length: 600 }, (_, i) => `T${i}`), 1000)).toBe('too-many-values');
    expect(judgeExtraValues(Array.from({ length: 19 }, (_, i) => `T${i}`), 19)).toBe('keep');
    expect(judgeExtraValues(['x'.repeat(80), 'y'.repeat(70)], 1000)).toBe('free-text');
    expect(judgeExtraValues(['a@b.co', 'Sales', 'Ops'], 1000)).toBe('contact');
    expect(judgeExtraValues(['+55 11 91234-5678', 'Sales', 'Ops', 'Legal', 'Bots', 'HR'], 1000)).toBe('contact');
    expect(judgeExtraValues(['2025-03', '1200', 'BR-SP'], 1000)).toBe('keep');
    expect(judgeExtraValues(['+55 11 91234-5678', '(11) 3333-4444', 'Ops'], 1000)).toBe('contact');
  });
});
