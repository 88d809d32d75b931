/**
 * What the WhatsApp rules need to know about each message, decided once per dictionary entry (never per event):
 * - inbound: direction starts with `inbound`; outbound: starts with `outbound`, or is empty;
 * - delivered: status is not `failed`, `undelivered`, `rejected` or `canceled` (empty counts as delivered);
 * - template: a non-empty `template`; entry point: `entry_point` is true/1/yes;
 * - the category of a template, with `utility` and `service` recognised (case-insensitive).
 */
import type { EventTable } from '../../events';

const NOT_DELIVERED = new Set(['failed', 'undelivered', 'rejected', 'canceled']);
const TRUTHY = new Set(['true', '1', 'yes']);

export const INBOUND = 1;
export const OUTBOUND_DELIVERED = 2;
export const TEMPLATE = 4;
export const ENTRY_POINT = 8;
export const UTILITY = 16;

export type MessageFlags = {
  /** Bit set per event: INBOUND | OUTBOUND_DELIVERED | TEMPLATE | ENTRY_POINT | UTILITY. */
  flags: Uint8Array;
  /** Category dictionary code of `service`, or -1 when no event has it. */
  serviceCode: number;
};

/** Flags of every event (one sequential pass; `order` is accepted for symmetry and not needed). */
export const messageFlags = (table: EventTable, _order?: Int32Array): MessageFlags => {
  const { dicts, columns } = table;
  const s = columns.strings;
  const inbound = Uint8Array.from(dicts.direction, (d) => (d.trim().toLowerCase().startsWith('inbound') ? 1 : 0));
  const outbound = Uint8Array.from(dicts.direction, (d) => {
    const v = d.trim().toLowerCase();
    return v === '' || v.startsWith('outbound') ? 1 : 0;
  });
  const delivered = Uint8Array.from(dicts.status, (v) => (NOT_DELIVERED.has(v.trim().toLowerCase()) ? 0 : 1));
  const template = Uint8Array.from(dicts.template, (v) => (v.trim() === '' ? 0 : 1));
  const entry = Uint8Array.from(dicts.entry_point, (v) => (TRUTHY.has(v.trim().toLowerCase()) ? 1 : 0));
  const utility = Uint8Array.from(dicts.category, (v) => (v.trim().toLowerCase() === 'utility' ? 1 : 0));
  const flags = new Uint8Array(columns.length);
  for (let i = 0; i < columns.length; i++) {
    let f = 0;
    if (inbound[s.direction[i]]) f |= INBOUND;
    else if (outbound[s.direction[i]] && delivered[s.status[i]]) f |= OUTBOUND_DELIVERED;
    if (template[s.template[i]]) f |= TEMPLATE;
    if (entry[s.entry_point[i]]) f |= ENTRY_POINT;
    if (utility[s.category[i]]) f |= UTILITY;
    flags[i] = f;
  }
  return { flags, serviceCode: dicts.category.findIndex((c) => c.trim().toLowerCase() === 'service') };
};
