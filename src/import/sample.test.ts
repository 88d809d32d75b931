import { describe, expect, it } from 'vitest';
import { mulberry32, SAMPLE_CHANNEL, SAMPLE_HEADER, sampleCsvPieces, sampleCsvText } from './sample';

describe('sample data', () => {
  const text = sampleCsvText();
  const rows = text.trimEnd().split('\n').slice(1).map((l) => l.split(','));
  const col = (name: string) => SAMPLE_HEADER.split(',').indexOf(name);

  it('is deterministic: same seed, same text; another seed, other text', () => {
    expect(sampleCsvText()).toBe(text);
    expect(sampleCsvText({ seed: 7, events: 2000 })).toBe(sampleCsvText({ seed: 7, events: 2000 }));
    expect(sampleCsvText({ seed: 8, events: 2000 })).not.toBe(sampleCsvText({ seed: 7, events: 2000 }));
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });
  it('has the documented shape', () => {
    expect(text.startsWith(`${SAMPLE_HEADER}\n`)).toBe(true);
    expect(rows.length).toBeGreaterThan(48_000);
    expect(rows.length).toBeLessThan(52_000);
    expect(new Set(rows.map((r) => r[col('id')])).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r[col('channel')]))).toEqual(new Set([SAMPLE_CHANNEL]));
    expect(rows[0][0]).toMatch(/^2026-09-01T\d\d:\d\d:\d\d-03:00$/);
    expect(rows.at(-1)?.[0]).toMatch(/^2026-10-31T/);
    const noQueue = rows.filter((r) => r[col('queue')] === '').length / rows.length;
    expect(noQueue).toBeGreaterThan(0.05);
    expect(noQueue).toBeLessThan(0.11);
    const calls = rows.filter((r) => r[col('kind')] === 'call');
    expect(calls.length).toBeGreaterThan(200);
    expect(calls.length).toBeLessThan(600);
    expect(calls.every((r) => r[col('queue')] !== '' && /^(answered|no-answer)$/.test(r[col('status')]))).toBe(true);
    expect(new Set(rows.map((r) => r[col('agent')]).filter(Boolean)).size).toBe(10);
    const contacts = new Set(rows.map((r) => r[col('contact')])).size;
    expect(contacts).toBeGreaterThan(2500);
    expect(contacts).toBeLessThanOrEqual(3000);
    expect(new Set(rows.map((r) => r[col('category')]))).toEqual(new Set(['', 'marketing', 'utility', 'authentication']));
    expect(rows.some((r) => r[col('status')] === 'failed')).toBe(true);
  });
  it('gives each month an overage on the seat plan (> 10,000 messages, > 5 agents)', () => {
    for (const month of ['2026-09', '2026-10']) {
      const inMonth = rows.filter((r) => r[0].startsWith(month));
      expect(inMonth.filter((r) => r[col('kind')] === 'message').length).toBeGreaterThan(15_000);
      expect(new Set(inMonth.map((r) => r[col('agent')]).filter(Boolean)).size).toBeGreaterThan(5);
    }
  });
  it('streams in pieces: a header, then one piece per day', () => {
    const pieces = [...sampleCsvPieces({ events: 3000, months: 1 })];
    expect(pieces[0]).toBe(`${SAMPLE_HEADER}\n`);
    expect(pieces).toHaveLength(1 + 30);
  });
});
