import { describe, expect, it } from 'vitest';
import { estimatePlan } from '../estimate/estimate';
import { NEUTRAL_KNOBS, type Knobs } from './knobs';
import { applyKnobs, SimulationError, unitHash } from './resample';
import { STRING_FIELDS } from '../events';
import { buildTable, type EventInput } from '../testing/table-builder';
import { contactsAndSeats, perMessage, plan, threeMonths } from './test-plans';

const knobs = (k: Partial<Knobs>): Knobs => ({ ...NEUTRAL_KNOBS, ...k });
const monthTotals = (t: ReturnType<typeof threeMonths>, plan = perMessage) => estimatePlan(t, plan).cycles.map((c) => c.total);
const contactsOf = (t: ReturnType<typeof threeMonths>) => {
  const out = new Map<string, number>();
  for (let i = 0; i < t.columns.length; i++) {
    const c = t.dicts.contact[t.columns.strings.contact[i]];
    out.set(c, (out.get(c) ?? 0) + 1);
  }
  return out;
};

describe('applyKnobs', () => {
  const table = threeMonths();

  it('returns the table itself for neutral knobs', () => {
    expect(applyKnobs(table, NEUTRAL_KNOBS, 'UTC').table).toBe(table);
  });

  it('scales a whole factor exactly: 2x doubles messages and contacts, not agents', () => {
    const sim = applyKnobs(table, knobs({ scale: '2' }), 'UTC').table;
    expect(sim.columns.length).toBe(600);
    expect(monthTotals(sim)).toEqual(['20.00', '20.00', '20.00']); // 200 messages × 0.10
    // 200 contacts × 0.50 + 3 seats × 10 = 130.00 a month
    expect(monthTotals(sim, contactsAndSeats)).toEqual(['130.00', '130.00', '130.00']);
    expect(contactsOf(sim).get('c-7~1')).toBe(3);
  });

  it('thins by whole contacts: at 0.5x each contact keeps all its months or none', () => {
    const sim = applyKnobs(table, knobs({ scale: '0.5' }), 'UTC').table;
    const kept = contactsOf(sim);
    expect([...kept.values()].every((n) => n === 3)).toBe(true);
    expect(kept.size).toBeGreaterThan(35);
    expect(kept.size).toBeLessThan(65);
    expect(sim.columns.length).toBe(kept.size * 3);
  });

  it('grows month by month, keeping the contacts of earlier months (monotone)', () => {
    const sim = applyKnobs(table, knobs({ growthPercent: '10' }), 'UTC').table;
    const perMonth = estimatePlan(sim, perMessage).cycles.map((c) => c.lines[0].quantity);
    expect(perMonth[0]).toBe(100);
    expect(perMonth[1]).toBeGreaterThanOrEqual(100);
    expect(perMonth[1]).toBeLessThanOrEqual(120);
    expect(perMonth[2]).toBeGreaterThanOrEqual(perMonth[1]);
    expect(perMonth[2]).toBeLessThanOrEqual(145);
  });

  it('applies a +300% campaign spike to its month only', () => {
    const sim = applyKnobs(table, knobs({ spikes: [{ month: '2026-02', percent: '300' }] }), 'UTC').table;
    expect(monthTotals(sim)).toEqual(['10.00', '40.00', '10.00']);
  });

  it('scales one category: marketing × 3 (40 contacts) leaves utility alone', () => {
    const sim = applyKnobs(table, knobs({ factors: [{ field: 'category', value: 'marketing', factor: '3' }] }), 'UTC').table;
    expect(monthTotals(sim)).toEqual(['18.00', '18.00', '18.00']); // (120 + 60) × 0.10
  });

  it('shifts category mix by whole contacts without changing volume', () => {
    const sim = applyKnobs(table, knobs({ mix: [{ from: 'marketing', to: 'authentication', percent: '50' }] }), 'UTC').table;
    expect(sim.columns.length).toBe(300);
    const counts = new Map<string, number>();
    for (let i = 0; i < sim.columns.length; i++) {
      const c = sim.dicts.category[sim.columns.strings.category[i]];
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.get('utility')).toBe(180);
    expect((counts.get('authentication') ?? 0) + (counts.get('marketing') ?? 0)).toBe(120);
    expect(counts.get('authentication')! % 3).toBe(0);
    expect(counts.get('authentication')).toBeGreaterThan(20);
  });

  it('adds agents and numbers: seats grow, volume stays', () => {
    const sim = applyKnobs(table, knobs({ extraAgents: 2, extraNumbers: 1 }), 'UTC');
    expect(sim.agents).toBe(5);
    expect(sim.numbers).toBe(2);
    expect(sim.table.columns.length).toBe(300);
    // 100 contacts × 0.50 + 5 seats × 10 = 100.00
    expect(monthTotals(sim.table, contactsAndSeats)).toEqual(['100.00', '100.00', '100.00']);
  });

  it('copies every column of the copied event, extra columns too, each gathered once when first read', () => {
    const rows: EventInput[] = Array.from({ length: 60 }, (_, i) => ({
      timestamp: Date.parse('2026-01-01T00:00:00Z') + i * 86_400_000, id: `e-${i}`, kind: i % 4 ? 'message' : 'call',
      contact: `c-${i % 20}`, agent: `a-${i % 3}`, queue: `q-${i % 5}`, country: i % 2 ? 'BR' : 'US',
      duration: i % 4 ? undefined : 30 + i, segments: i % 3, quantity: 1 + (i % 2), price: i % 5 ? 0.01 * i : undefined,
    }));
    const t = buildTable(rows);
    t.columns.extra = { Department: Uint32Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? 0 : 1 + (i % 2))) };
    t.dicts.extra = { Department: ['', 'Sales', 'Ops'] };
    const sim = applyKnobs(t, knobs({ scale: '2.5', growthPercent: '30' }), 'UTC').table;
    const out = sim.columns;
    expect(out.length).toBeGreaterThan(150);
    expect(Object.keys(out).sort()).toEqual(['duration', 'extra', 'length', 'price', 'quantity', 'segments', 'strings', 'timestamp']);
    expect(out.timestamp).toBe(out.timestamp); // gathered once, then an ordinary property
    expect(out.extra?.Department).toBe(out.extra?.Department);
    for (let j = 0; j < out.length; j++) {
      const i = Number(sim.dicts.id[out.strings.id[j]].slice(2)); // ids of copies repeat the original's
      for (const f of ['timestamp', 'duration', 'segments', 'quantity', 'price'] as const) expect(Object.is(out[f][j], t.columns[f][i])).toBe(true);
      for (const f of STRING_FIELDS) {
        if (f !== 'contact') expect(sim.dicts[f][out.strings[f][j]]).toBe(t.dicts[f][t.columns.strings[f][i]]);
      }
      expect(sim.dicts.contact[out.strings.contact[j]].split('~')[0]).toBe(t.dicts.contact[t.columns.strings.contact[i]]);
      expect(out.extra?.Department[j]).toBe(t.columns.extra.Department[i]);
    }
    // A meter filtering an extra column counts the copies too.
    const sales = plan('Sales', { sales: { type: 'count', where: { 'col:Department': 'Sales' } } }, [
      { id: 's', label: 'Sales events', meter: 'sales', model: 'standard', unitPrice: '1' },
    ]);
    let expected = 0;
    for (let j = 0; j < out.length; j++) if (out.extra?.Department[j] === 1) expected++;
    expect(expected).toBeGreaterThan(40);
    expect(estimatePlan(sim, sales).total).toBe(`${expected}.00`);
  });

  it('names the knob that is wrong and refuses tables beyond the limit', () => {
    expect(() => applyKnobs(table, knobs({ scale: 'x' }), 'UTC')).toThrow(/knobs\.scale/);
    expect(() => applyKnobs(table, knobs({ scale: '5000' }), 'UTC')).toThrow(SimulationError);
  });

  it('hashes to [0, 1) deterministically', () => {
    expect(unitHash(7, 1)).toBe(unitHash(7, 1));
    for (let v = 0; v < 1000; v++) {
      const u = unitHash(v, 3);
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});
