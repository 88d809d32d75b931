import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimatePlan } from '../../src/engine/estimate/estimate';
import { tableFromChunks, type EventChunk } from '../../src/engine/events';
import { parsePlan } from '../../src/engine/plan/validate';
import { importCsv } from '../../src/import/import-csv';
import { sampleCsvText } from '../../src/import/sample';
import { buildTable } from '../../src/engine/testing/table-builder';
import { explanationText, failureText, lineExplanation, lineLabel, rejectReason } from '../../src/ui/i18n/explain';
import { translate, type Locale } from '../../src/ui/i18n/i18n';
import type { MessageKey } from '../../src/ui/i18n/en';

const tr = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
const planOf = (json: unknown) => {
  const p = parsePlan(json);
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return p.plan;
};

describe('explanations through the catalogue', () => {
  it('in English, say exactly what the engine wrote, for every line of every shipped plan on the sample', async () => {
    const chunks: EventChunk[] = [];
    await importCsv(sampleCsvText(), { preset: 'generic', timeZone: 'America/Sao_Paulo' }, { chunk: async (c) => { chunks.push(c); }, progress: () => {} });
    const table = tableFromChunks(chunks);
    let lines = 0;
    for (const file of readdirSync('public/plans')) {
      const plan = planOf(JSON.parse(readFileSync(`public/plans/${file}`, 'utf8')));
      // 'now' inside the last cycle, so a projection is made too.
      const estimate = estimatePlan(table, plan, { now: Date.parse('2026-10-20T12:00:00Z') });
      for (const cycle of estimate.cycles) {
        for (const line of cycle.lines) {
          expect(line.explanation.message, `${file} ${line.label}`).toBeDefined();
          expect(lineExplanation(line, tr('en'), 'en')).toBe(line.explanation.text);
          lines++;
        }
        // The projection's text prints the total ungrouped; the UI groups it like every other amount.
        if (cycle.projection) expect(explanationText(cycle.projection.message!, tr('en'), 'en').replace(/,(?=\d{3})/g, '')).toBe(cycle.projection.text);
      }
    }
    expect(lines).toBeGreaterThan(20);
  });

  it('covers the minimum spend, the cap, fixed quantities, one-time fees and rounding; Portuguese and Spanish numbers', () => {
    const table = buildTable(Array.from({ length: 2345 }, (_, i) => ({ timestamp: Date.parse('2025-03-01T10:00:00Z') + i * 1000, kind: 'message' })));
    const plan = planOf({
      format: 'tarifa.plan/1', name: 'P', currency: 'BRL', cycle: { anchorDay: 1, timeZone: 'UTC' }, minimumSpend: '5000',
      meters: { messages: { type: 'count', where: { kind: 'message' } } },
      charges: [
        { id: 'setup', label: 'Setup', model: 'flat', amount: '500.005', once: true },
        { id: 'msg', label: 'Messages', meter: 'messages', model: 'standard', unitPrice: '0.0125', freeUnits: 1000 },
        { id: 'seats', label: 'Seats', model: 'standard', quantity: 3, freeUnits: 1, unitPrice: '1250.5' },
      ],
      cap: { amount: '2000', tolerancePercent: '10', charges: ['seats'] },
    });
    const lines = estimatePlan(table, plan).cycles[0].lines;
    for (const line of lines) expect(lineExplanation(line, tr('en'), 'en'), line.label).toBe(line.explanation.text);
    expect(lines.map((l) => l.explanation.message?.code)).toEqual(['flat-once', 'usage', 'fixed', 'cap', 'minimum-spend']);
    const pt = lines.map((l) => `${lineLabel(l, tr('pt-BR'))}: ${lineExplanation(l, tr('pt-BR'), 'pt-BR')}`);
    expect(pt[0]).toBe('Setup: Taxa única de 500,005 (primeiro ciclo da estimativa), arredondado para 500,01 (2 casas, meio para cima)');
    expect(pt[1]).toBe('Messages: 2.345 messages (kind = message); 1.000 grátis; 1.345 cobráveis = 1.345 × 0,0125 = 16,8125, arredondado para 16,81 (2 casas, meio para cima)');
    expect(pt[3]).toMatch(/^Ajuste do teto de custo: As cobranças com teto \(seats\) somam 2\.501,00, acima do teto de 2\.000,00: ajuste de -501,00 \(25,1% acima; tolerância 10%: além da tolerância\)$/);
    expect(pt[4]).toMatch(/^Complemento do gasto mínimo: O subtotal .* está abaixo do gasto mínimo de 5\.000,00: complemento de /);
    expect(lineExplanation(lines[2], tr('es'), 'es')).toBe('3 (cantidad fija); 1 gratis; 2 facturables = 2 × 1250,50 = 2501,00');
  });
});

describe('formulas through the catalogue', () => {
  it('says packages, tiers and per-N prices in Portuguese, numbers in its notation; English unchanged', () => {
    const table = buildTable(Array.from({ length: 6000 }, (_, i) => ({ timestamp: Date.parse('2025-03-01T10:00:00Z') + i * 1000, kind: 'message', duration: 90 })));
    const plan = planOf({
      format: 'tarifa.plan/1', name: 'P', currency: 'BRL', cycle: { anchorDay: 1, timeZone: 'UTC' },
      meters: { messages: { type: 'count' }, seconds: { type: 'sum', field: 'duration' } },
      charges: [
        { id: 'pkg', label: 'Packages', meter: 'messages', model: 'package', packageSize: 1000, packagePrice: '5' },
        { id: 'grad', label: 'Graduated', meter: 'messages', model: 'graduated', tiers: [{ upTo: 1000, unitPrice: '0.01', flatFee: '5' }, { upTo: 5000, unitPrice: '0.008', flatFee: '2' }, { upTo: null, unitPrice: '0.005' }] },
        { id: 'vol', label: 'Volume', meter: 'messages', model: 'volume', tiers: [{ upTo: 5000, unitPrice: '0.01' }, { upTo: null, unitPrice: '0.005' }] },
        { id: 'min', label: 'Minutes', meter: 'seconds', model: 'standard', unitPrice: '0.10', per: 60 },
      ],
    });
    const lines = estimatePlan(table, plan).cycles[0].lines;
    for (const line of lines) expect(lineExplanation(line, tr('en'), 'en')).toBe(line.explanation.text);
    const pt = lines.map((l) => lineExplanation(l, tr('pt-BR'), 'pt-BR').split(' = ')[1]);
    expect(pt).toEqual([
      '6 pacotes de 1.000 a 5,00',
      '1.000 × 0,01 (faixa até 1.000) + taxa fixa da faixa até 1.000: 5,00 + 4.000 × 0,008 (faixa 1.000-5.000) + taxa fixa da faixa 1.000-5.000: 2,00 + 1.000 × 0,005 (faixa acima de 5.000)',
      '6.000 × 0,005 (todas as unidades na faixa acima de 5.000)',
      '540.000 × 0,10 por 60',
    ]);
  });
});

describe('import reasons through the catalogue', () => {
  it('recognises every reason the reader gives for these bad rows, and says them in Portuguese and Spanish', async () => {
    const csv = [
      'timestamp,kind,direction,duration,segments,price',
      ',message,inbound,,,',
      'yesterday,message,inbound,,,',
      '2025-03-01T10:00:00Z,call,sideways,,,',
      '2025-03-01T10:00:00Z,call,inbound,abc,,',
      '2025-03-01T10:00:00Z,call,inbound,-5,,',
      '2025-03-01T10:00:00Z,message,inbound,,,1.2.3',
      '2025-03-01T10:00:00Z,message,inbound',
      '2025-03-01T10:00:00Z,message,inbound,,,',
    ].join('\n');
    const rejects: { reason: string }[] = [];
    await importCsv(csv, { preset: 'generic', timeZone: 'UTC' }, { chunk: async (_c, r) => { rejects.push(...r); }, progress: () => {} });
    expect(rejects.length).toBe(7);
    for (const r of rejects) {
      expect(rejectReason(r.reason, tr('en')), r.reason).toBe(r.reason);
      expect(rejectReason(r.reason, tr('pt-BR')), r.reason).not.toBe(r.reason);
    }
    expect(rejects.map((r) => rejectReason(r.reason, tr('pt-BR')))).toEqual([
      'timestamp: vazio',
      "timestamp: não foi possível ler 'yesterday' como data",
      "direction: 'sideways' não é entrada (inbound) nem saída (outbound)",
      "duration: 'abc' não é um número",
      "duration: '-5' não pode ser negativo",
      "price: '1.2.3' não é um valor decimal",
      'linha: esperados 6 campos, encontrados 3',
    ]);
    expect(rejectReason("timestamp: cannot read '03/04/2025' as a date (day/month order unknown: set dateOrder)", tr('es')))
      .toBe("timestamp: no se puede leer '03/04/2025' como fecha (orden día/mes desconocido: defina dateOrder)");
    expect(rejectReason('data point 4: timestamp: empty', tr('es'))).toBe('punto de datos 4: timestamp: vacío');
    expect(rejectReason('something new', tr('es'))).toBe('something new');
  });
});

describe('worker failures through the catalogue', () => {
  it('says the failures whose code says it all; keeps the others as written', () => {
    expect(failureText({ code: 'not-found', message: 'This dataset no longer exists.' }, tr('pt-BR'))).toBe('Este conjunto de dados não existe mais.');
    expect(failureText({ code: 'invalid-rules', message: 'The rules have 2 problems.', issues: [{}, {}] }, tr('es'))).toBe('Problemas en las reglas: 2.');
    expect(failureText({ code: 'invalid-rules', message: 'bad.rules.json', issues: [{}] }, tr('es'))).toBe('bad.rules.json');
    expect(failureText({ code: 'bad-file', message: 'usage.csv: no header' }, tr('pt-BR'))).toBe('usage.csv: no header');
  });
});
