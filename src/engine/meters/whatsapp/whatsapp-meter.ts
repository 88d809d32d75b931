/**
 * The WhatsApp meters as inputs to the shared aggregation: which events are units, and (CBP) the category each unit
 * is keyed and filtered by (`service` for a service conversation, whatever the message's own category).
 * `freeServiceConversations` (CBP): in each cycle the first N service conversations opened, in time order, are free
 * and not counted.
 */
import type { EventTable } from '../../events';
import { withOverrides, type FieldSource } from '../../fields/field-source';
import type { WhatsappCbpMeter, WhatsappPmpMeter } from '../../plan/types';
import { messageFlags } from './message-flags';
import { conversationOrder } from './order';
import { scanCbp, scanPmp } from './scan';

export const WHATSAPP_DEFAULT_BY = ['market', 'category'];

export type WhatsappUnits = { units: Int32Array; source: FieldSource; note: string };

const dropFreeService = (
  table: EventTable,
  units: Int32Array,
  service: Uint8Array,
  cycleOf: Int32Array,
  cycleCount: number,
  free: number,
): Int32Array => {
  const ts = table.columns.timestamp;
  const services = Int32Array.from(units.filter((i) => service[i] === 1)).sort((a, b) => ts[a] - ts[b] || a - b);
  const used = new Int32Array(cycleCount);
  const dropped = new Uint8Array(table.columns.length);
  for (const i of services) {
    const c = cycleOf[i];
    if (used[c] < free) {
      used[c]++;
      dropped[i] = 1;
    }
  }
  return units.filter((i) => dropped[i] === 0);
};

export const whatsappUnits = (
  table: EventTable,
  meter: WhatsappPmpMeter | WhatsappCbpMeter,
  cycleOf: Int32Array,
  cycleCount: number,
  source: FieldSource,
): WhatsappUnits => {
  const order = conversationOrder(table, cycleOf);
  const flags = messageFlags(table, order);
  if (meter.type === 'whatsapp-pmp') {
    const rules = meter.rules ?? '2025-07';
    const { units, service } = scanPmp(table, order, flags, rules);
    const note = rules === '2025-07' ? 'charged template messages' : `charged messages (PMP rules ${rules === 'by-date' ? 'in force at each message' : 'from 2026-10'}; service messages as service)`;
    return asService(units, service, units, source, note);
  }
  const { units, service } = scanCbp(table, order, flags);
  let note = 'conversations opened';
  let counted = units;
  const free = meter.freeServiceConversations ?? 0;
  if (free > 0 && service) {
    counted = dropFreeService(table, units, service, cycleOf, cycleCount, free);
    note += `; first ${free} service conversations per cycle free`;
  }
  return asService(units, service, counted, source, note);
};

/** Keys the units marked in `service` by category `service`, whatever the message's own category. */
const asService = (
  units: Int32Array,
  service: Uint8Array | null,
  counted: Int32Array,
  source: FieldSource,
  note: string,
): WhatsappUnits => {
  if (!service || !units.some((i) => service[i] === 1)) return { units: counted, source, note };
  const base = source.text('category');
  const dict = [...base.dict];
  let serviceCode = dict.findIndex((c) => c === 'service');
  if (serviceCode < 0) serviceCode = dict.push('service') - 1;
  const codes = Uint32Array.from(base.codes);
  for (const i of units) if (service[i] === 1) codes[i] = serviceCode;
  return { units: counted, source: withOverrides(source, { category: { codes, dict } }), note };
};
