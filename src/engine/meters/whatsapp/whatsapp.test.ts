import { describe, expect, it } from 'vitest';
import type { Meter } from '../../plan/types';
import { measureRows, quantities } from '../../testing/measure-rows';
import type { EventInput } from '../../testing/table-builder';

const H = 3_600_000;
const T0 = Date.parse('2025-08-10T00:00:00Z');
const PMP: Meter = { type: 'whatsapp-pmp' };
const CBP: Meter = { type: 'whatsapp-cbp' };

type Msg = Partial<EventInput> & { h: number };
const rows = (msgs: Msg[], base: Partial<EventInput> = {}): EventInput[] =>
  msgs.map(({ h, ...rest }) => ({ contact: '+5511999990000', channel: 'wa-1', country: 'BR', direction: 'outbound', ...base, ...rest, timestamp: T0 + h * H }));
const tpl = (h: number, category: string, more: Partial<EventInput> = {}): Msg => ({ h, template: `t-${category}`, category, ...more });
const text = (h: number, more: Partial<EventInput> = {}): Msg => ({ h, ...more });
const inbound = (h: number, more: Partial<EventInput> = {}): Msg => ({ h, direction: 'inbound', ...more });

describe('whatsapp-pmp', () => {
  it("reproduces Meta's example: marketing h0 charged, text h3 free, utility h4 in CSW free, utility h30 charged", () => {
    const u = measureRows(rows([tpl(0, 'marketing'), inbound(2), text(3), tpl(4, 'utility'), tpl(30, 'utility')]), PMP);
    expect(quantities(u)).toEqual([[['BR:marketing', 1], ['BR:utility', 1]]]);
    expect(u.by).toEqual(['market', 'category']);
    expect(u.cycles[0].total.sampleEvents).toEqual([0, 4]);
  });

  it('charges marketing and authentication even in a CSW; failed messages are not charged', () => {
    const u = measureRows(
      rows([inbound(0), tpl(1, 'marketing'), tpl(2, 'authentication'), tpl(3, 'marketing', { status: 'failed' }), tpl(4, 'utility', { status: 'read' })]),
      PMP,
    );
    expect(quantities(u)).toEqual([[['BR:authentication', 1], ['BR:marketing', 1]]]);
  });

  it('keeps windows per contact and channel; unknown contacts share nothing', () => {
    const u = measureRows(
      rows([inbound(0), tpl(1, 'utility', { channel: 'wa-2' }), tpl(1, 'utility', { contact: '+5511888880000' }), tpl(2, 'utility')]),
      PMP,
    );
    expect(quantities(u)).toEqual([[['BR:utility', 2]]]);
    const anon = measureRows(rows([inbound(0, { contact: '' }), tpl(1, 'utility', { contact: '' })]), PMP);
    expect(quantities(anon)).toEqual([[['BR:utility', 1]]]);
  });

  it('makes everything free in a free entry point window (72 h from a reply within 24 h of an entry-point message)', () => {
    const u = measureRows(
      rows([inbound(0, { entry_point: 'true' }), text(1), tpl(50, 'marketing'), tpl(72.9, 'marketing'), tpl(73, 'marketing')]),
      PMP,
    );
    expect(quantities(u)).toEqual([[['BR:marketing', 1]]]);
    const late = measureRows(rows([inbound(0, { entry_point: 'true' }), tpl(25, 'marketing'), tpl(26, 'marketing')]), PMP);
    expect(quantities(late)).toEqual([[['BR:marketing', 2]]]);
  });

  it('lets a window cross a cycle boundary; the charge counts in the cycle of the message', () => {
    const u = measureRows(
      [
        { timestamp: '2025-07-31T23:00:00Z', contact: 'c', channel: 'w', direction: 'inbound' },
        { timestamp: '2025-08-01T01:00:00Z', contact: 'c', channel: 'w', direction: 'outbound', template: 't', category: 'utility' },
        { timestamp: '2025-08-01T23:30:00Z', contact: 'c', channel: 'w', direction: 'outbound', template: 't', category: 'utility' },
      ],
      { type: 'whatsapp-pmp', by: ['category'] },
    );
    expect(quantities(u)).toEqual([[['', 0]], [['utility', 1]]]);
  });

  it('reads events in time order whatever the table order, and ignores other kinds', () => {
    const msgs = rows([tpl(0, 'marketing'), inbound(2), text(3), tpl(4, 'utility'), tpl(30, 'utility'), inbound(29, { kind: 'call' })]);
    const u = measureRows([msgs[4], msgs[2], msgs[5], msgs[1], msgs[3], msgs[0]], PMP);
    expect(quantities(u)).toEqual([[['BR:marketing', 1], ['BR:utility', 1]]]);
  });

  it("charges in-CSW utility templates and service messages (as category service) under Meta's 2026-10 rules", () => {
    const msgs = rows([tpl(0, 'marketing'), inbound(2), text(3), tpl(4, 'utility'), tpl(30, 'utility')]);
    const u = measureRows(msgs, { type: 'whatsapp-pmp', rules: '2026-10' });
    expect(quantities(u)).toEqual([[['BR:marketing', 1], ['BR:service', 1], ['BR:utility', 2]]]);
    expect(u.cycles[0].total.sampleEvents).toEqual([0, 2, 3, 4]);
    // Entry-point windows stay free under the new rules.
    const fep = measureRows(rows([inbound(0, { entry_point: 'true' }), text(1), tpl(2, 'utility')]), { type: 'whatsapp-pmp', rules: '2026-10' });
    expect(quantities(fep)).toEqual([[['', 0]]]);
  });

  it("applies the rules in force at each message with 'by-date' (switch at 2026-10-01T00:00Z)", () => {
    const conv = (day: string): EventInput[] => [
      { timestamp: `${day}T10:00:00Z`, contact: 'c', channel: 'w', direction: 'inbound' },
      { timestamp: `${day}T11:00:00Z`, contact: 'c', channel: 'w', direction: 'outbound' },
      { timestamp: `${day}T12:00:00Z`, contact: 'c', channel: 'w', direction: 'outbound', template: 't', category: 'utility' },
    ];
    const u = measureRows([...conv('2026-09-30'), ...conv('2026-10-01')], { type: 'whatsapp-pmp', rules: 'by-date', by: ['category'] });
    // September: both free (old rules); October: the text as service and the utility in CSW are charged.
    expect(quantities(u)).toEqual([[['', 0]], [['service', 1], ['utility', 1]]]);
    expect(u.cycles[1].total.sampleEvents).toEqual([4, 5]);
    const old = measureRows([...conv('2026-09-30'), ...conv('2026-10-01')], { type: 'whatsapp-pmp', by: ['category'] });
    expect(quantities(old)).toEqual([[['', 0]], [['', 0]]]);
  });

  it('filters charged messages with where, keyed by any field', () => {
    const u = measureRows(rows([tpl(0, 'marketing'), tpl(1, 'marketing', { country: 'US' }), tpl(2, 'utility')]), {
      type: 'whatsapp-pmp',
      where: { category: 'marketing' },
      by: ['market'],
    });
    expect(quantities(u)).toEqual([[['BR', 1], ['north-america', 1]]]);
    expect(u.filter).toBe('charged template messages; category = marketing');
  });
});

describe('whatsapp-cbp', () => {
  it("reproduces Meta's example: marketing h0 + utility h4 = 2; utility h10 adds nothing", () => {
    const u = measureRows(rows([tpl(0, 'marketing'), tpl(4, 'utility'), tpl(10, 'utility')]), CBP);
    expect(quantities(u)).toEqual([[['BR:marketing', 1], ['BR:utility', 1]]]);
  });

  it('opens a service conversation on a non-template message only when no conversation is open', () => {
    const u = measureRows(rows([tpl(0, 'marketing'), inbound(1), text(2), inbound(30), text(31), text(32), tpl(33, 'utility')]), CBP);
    expect(quantities(u)).toEqual([[['BR:marketing', 1], ['BR:service', 1], ['BR:utility', 1]]]);
    const filtered = measureRows(rows([inbound(0), text(1), tpl(2, 'marketing')]), { type: 'whatsapp-cbp', where: { category: 'service' } });
    expect(quantities(filtered)).toEqual([[['BR:service', 1]]]);
  });

  it('opens nothing inside a free entry point window, nor for inbound or failed messages', () => {
    const u = measureRows(
      rows([inbound(0, { entry_point: 'true' }), text(2), tpl(40, 'marketing'), tpl(75, 'marketing', { status: 'undelivered' }), tpl(76, 'marketing')]),
      CBP,
    );
    expect(quantities(u)).toEqual([[['BR:marketing', 1]]]);
  });

  it('counts a conversation in the cycle where it opened, even when it runs into the next', () => {
    const u = measureRows(
      [
        { timestamp: '2025-07-31T23:00:00Z', contact: 'c', channel: 'w', template: 't', category: 'marketing' },
        { timestamp: '2025-08-01T01:00:00Z', contact: 'c', channel: 'w', template: 't', category: 'marketing' },
        { timestamp: '2025-08-01T23:00:00Z', contact: 'c', channel: 'w', template: 't', category: 'marketing' },
      ],
      { type: 'whatsapp-cbp', by: ['category'] },
    );
    expect(quantities(u)).toEqual([[['marketing', 1]], [['marketing', 1]]]);
  });

  it('leaves the first N service conversations of each cycle free, in time order', () => {
    const service = (contact: string, h: number): Msg[] => [inbound(h, { contact }), text(h + 1, { contact })];
    const u = measureRows(rows([...service('a', 5), ...service('b', 1), ...service('c', 9)]), { type: 'whatsapp-cbp', freeServiceConversations: 2, by: ['contact'] });
    expect(quantities(u)).toEqual([[['c', 1]]]);
    expect(u.filter).toBe('conversations opened; first 2 service conversations per cycle free');
  });
});
