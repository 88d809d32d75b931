/** Small plans and data for the simulation tests (hand-computable). */
import type { Plan } from '../plan/types';
import { parsePlan } from '../plan/validate';
import { buildTable, type EventInput } from '../testing/table-builder';

export const plan = (name: string, meters: Record<string, unknown>, charges: unknown[]): Plan => {
  const r = parsePlan({
    format: 'tarifa.plan/1', name, currency: 'USD', cycle: { anchorDay: 1, timeZone: 'UTC' },
    rounding: { decimals: 2, mode: 'half-up' }, meters, charges,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
};

/** 0.10 per message. */
export const perMessage = plan('Per message', { messages: { type: 'count', where: { kind: 'message' } } }, [
  { id: 'msg', label: 'Messages', meter: 'messages', model: 'standard', unitPrice: '0.10' },
]);

/** 15 a month flat. */
export const flat15 = plan('Flat 15', {}, [{ id: 'base', label: 'Base fee', model: 'flat', amount: '15' }]);

/** Volume tiers: all messages at 0.10 up to 150, all at 0.05 beyond. */
export const volume = plan('Volume', { messages: { type: 'count', where: { kind: 'message' } } }, [
  { id: 'vol', label: 'Messages', meter: 'messages', model: 'volume', tiers: [{ upTo: 150, unitPrice: '0.10' }, { upTo: null, unitPrice: '0.05' }] },
]);

/** Active contacts and seats: 0.50 per unique contact, 10 per agent. */
export const contactsAndSeats = plan('Contacts and seats', {
  contacts: { type: 'unique', of: ['contact'] },
  agents: { type: 'unique', of: ['agent'] },
}, [
  { id: 'contacts', label: 'Active contacts', meter: 'contacts', model: 'standard', unitPrice: '0.50' },
  { id: 'seats', label: 'Seats', meter: 'agents', model: 'standard', unitPrice: '10' },
]);

/** 100 contacts, each one message a month in January, February and March 2026 (UTC), spread over each month's days, three agents, one number. */
export const threeMonths = () => {
  const rows: EventInput[] = [];
  for (const [month, days] of [['01', 31], ['02', 28], ['03', 31]] as const) {
    for (let i = 0; i < 100; i++) {
      rows.push({
        timestamp: `2026-${month}-${String(1 + Math.floor((i * days) / 100)).padStart(2, '0')}T12:00:00Z`,
        kind: 'message', contact: `c-${i}`, agent: `a-${i % 3}`, channel: '+5511400000000',
        category: i < 40 ? 'marketing' : 'utility',
      });
    }
  }
  return buildTable(rows);
};
