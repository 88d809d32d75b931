/**
 * The WhatsApp rules of spec section 2, applied per contact and channel in time order (see order.ts).
 *
 * Windows (all half-open, [start, end)):
 * - customer service window (CSW): 24 h from each inbound message (renewed by every inbound message);
 * - free entry point window (FEP): when the business's first delivered outbound message comes within 24 h after an
 *   inbound message marked `entry_point`, an FEP opens for 72 h from that reply (the reply itself is inside it);
 *   each entry-point message allows one FEP.
 * Events with an empty contact are each on their own (no window is shared between unknown contacts).
 * Windows run across cycle boundaries; a unit counts in the cycle of the event that made it.
 *
 * `scanPmp` returns the charged messages: delivered outbound templates outside any FEP, except utility templates
 * inside an open CSW. Under the 2026-10 rules (Meta, from 2026-10-01) utility templates inside a CSW are charged too,
 * and so are non-template (service) messages, marked in `service`; everything inside an FEP stays free. `scanCbp` returns the messages that opened a conversation: a template of category C when no
 * conversation of C is open; a non-template message (a `service` conversation) when no conversation of any category
 * is open; nothing inside an FEP; each conversation lasts 24 h from its opening message.
 */
import type { EventTable } from '../../events';
import type { PmpRules } from '../../plan/types';
import { ENTRY_POINT, INBOUND, OUTBOUND_DELIVERED, TEMPLATE, UTILITY, type MessageFlags } from './message-flags';

const DAY = 86_400_000;
/** Meta's PMP change: from this instant (2026-10-01T00:00Z) service messages and in-CSW utility templates are charged. */
export const PMP_2026_10 = Date.UTC(2026, 9, 1);

export type ScanResult = {
  /** Table indices of the units (charged messages, or conversation-opening messages), ascending. */
  units: Int32Array;
  /** CBP only: 1 at the table index of a unit that opened a `service` conversation. */
  service: Uint8Array | null;
};

type Visit = (i: number, t: number, f: number, fepOpen: boolean, cswOpen: boolean) => void;

/** Walks `order` group by group, keeping the CSW and FEP of the current contact+channel; calls `visit` per outbound delivered message. */
const walk = (table: EventTable, order: Int32Array, flags: Uint8Array, onGroup: () => void, visit: Visit): void => {
  const ts = table.columns.timestamp;
  const contact = table.columns.strings.contact;
  const channel = table.columns.strings.channel;
  let groupContact = -1;
  let groupChannel = -1;
  let cswEnd = -Infinity;
  let fepEnd = -Infinity;
  let entryUntil = -Infinity;
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    const co = contact[i];
    const ch = channel[i];
    if (co !== groupContact || ch !== groupChannel || co === 0) {
      groupContact = co;
      groupChannel = ch;
      cswEnd = fepEnd = entryUntil = -Infinity;
      onGroup();
    }
    const t = ts[i];
    const f = flags[i];
    if (f & INBOUND) {
      cswEnd = t + DAY;
      if (f & ENTRY_POINT) entryUntil = t + DAY;
      continue;
    }
    if ((f & OUTBOUND_DELIVERED) === 0) continue;
    if (t < entryUntil) {
      if (t >= fepEnd) fepEnd = t + 3 * DAY;
      entryUntil = -Infinity;
    }
    visit(i, t, f, t < fepEnd, t < cswEnd);
  }
};

const ascending = (units: number[]): Int32Array => Int32Array.from(units).sort();

export const scanPmp = (table: EventTable, order: Int32Array, m: MessageFlags, rules: PmpRules = '2025-07'): ScanResult => {
  const units: number[] = [];
  const service = rules === '2025-07' ? null : new Uint8Array(table.columns.length);
  const switchAt = rules === '2026-10' ? -Infinity : rules === 'by-date' ? PMP_2026_10 : Infinity;
  walk(table, order, m.flags, () => {}, (i, t, f, fepOpen, cswOpen) => {
    if (fepOpen) return;
    const newRules = t >= switchAt;
    if ((f & TEMPLATE) === 0) {
      if (!newRules || !service) return;
      service[i] = 1;
    } else if (f & UTILITY && cswOpen && !newRules) return;
    units.push(i);
  });
  return { units: ascending(units), service };
};

export const scanCbp = (table: EventTable, order: Int32Array, m: MessageFlags): ScanResult => {
  const categories = table.dicts.category.length;
  const serviceSlot = m.serviceCode >= 0 ? m.serviceCode : categories;
  const category = table.columns.strings.category;
  // ends[c] is the end of the open conversation of category c, valid when gen[c] is the current group.
  const ends = new Float64Array(categories + 1);
  const gen = new Int32Array(categories + 1).fill(-1);
  let group = -1;
  let anyEnd = -Infinity;
  const units: number[] = [];
  const service = new Uint8Array(table.columns.length);
  const open = (slot: number, t: number): boolean => {
    if (gen[slot] === group && t < ends[slot]) return false;
    gen[slot] = group;
    ends[slot] = t + DAY;
    if (ends[slot] > anyEnd) anyEnd = ends[slot];
    return true;
  };
  walk(
    table,
    order,
    m.flags,
    () => {
      group++;
      anyEnd = -Infinity;
    },
    (i, t, f, fepOpen) => {
      if (fepOpen) return;
      if (f & TEMPLATE) {
        const c = category[i];
        if (open(c === m.serviceCode ? serviceSlot : c, t)) {
          units.push(i);
          if (c === m.serviceCode) service[i] = 1;
        }
      } else if (t >= anyEnd && open(serviceSlot, t)) {
        units.push(i);
        service[i] = 1;
      }
    },
  );
  return { units: ascending(units), service };
};
