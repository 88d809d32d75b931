/** Per-bucket quantities in typed arrays, filled one event at a time by index (no row objects, no Intl). */
import type { EventTable } from '../events';
import { KIND } from './classify';
import { DistinctPairs } from './distinct';
import { METRICS, type Metric, type Totals } from './types';

export type Classes = { kind: Uint8Array; direction: Uint8Array };

export class BucketAccumulator {
  readonly sums: Record<Metric, Float64Array>;
  /** Template messages per (category code, bucket). */
  readonly byCategory: Float64Array;
  private readonly contacts: DistinctPairs;
  private readonly agents: DistinctPairs;
  /** Distinct over all buckets together (a contact active in two buckets counts once in the total). */
  private readonly allContacts: DistinctPairs;
  private readonly allAgents: DistinctPairs;

  constructor(private readonly table: EventTable, readonly buckets: number, private readonly classes: Classes) {
    this.sums = Object.fromEntries(METRICS.map((m) => [m, new Float64Array(buckets)])) as Record<Metric, Float64Array>;
    this.byCategory = new Float64Array(table.dicts.category.length * buckets);
    this.contacts = new DistinctPairs(buckets, table.dicts.contact.length);
    this.agents = new DistinctPairs(buckets, table.dicts.agent.length);
    this.allContacts = new DistinctPairs(1, table.dicts.contact.length);
    this.allAgents = new DistinctPairs(1, table.dicts.agent.length);
  }

  add(i: number, k: number): void {
    const c = this.table.columns;
    const s = this.sums;
    const qv = c.quantity[i];
    const q = Number.isFinite(qv) ? qv : 1;
    s.events[k] += q;
    const kind = this.classes.kind[c.strings.kind[i]];
    const dir = this.classes.direction[c.strings.direction[i]];
    if (kind === KIND.message) {
      s.messages[k] += q;
      if (dir === 1) s.messagesIn[k] += q;
      else if (dir === 2) s.messagesOut[k] += q;
      if (c.strings.template[i] !== 0) {
        s.templates[k] += q;
        this.byCategory[c.strings.category[i] * this.buckets + k] += q;
      }
    } else if (kind === KIND.sms) {
      s.sms[k] += q;
      const seg = c.segments[i];
      s.smsSegments[k] += Number.isFinite(seg) ? seg : q;
    } else if (kind === KIND.call) {
      s.calls[k] += q;
      const d = c.duration[i];
      if (Number.isFinite(d)) s.voiceMinutes[k] += d / 60;
    } else if (kind === KIND.video) {
      s.video[k] += q;
      const d = c.duration[i];
      if (Number.isFinite(d)) s.videoMinutes[k] += d / 60;
    } else if (kind === KIND.email) {
      s.email[k] += q;
    } else if (kind === KIND.bot) {
      s.botSessions[k] += q;
    }
    const contact = c.strings.contact[i];
    if (contact !== 0) {
      this.contacts.add(k, contact);
      this.allContacts.add(0, contact);
    }
    const agent = c.strings.agent[i];
    if (agent !== 0) {
      this.agents.add(k, agent);
      this.allAgents.add(0, agent);
    }
  }

  /** Per-bucket series as plain arrays (serialisable). */
  series(): Record<Metric, number[]> {
    this.sums.contacts.set(this.contacts.perRow);
    this.sums.agents.set(this.agents.perRow);
    return Object.fromEntries(METRICS.map((m) => [m, Array.from(this.sums[m])])) as Record<Metric, number[]>;
  }

  totals(): Totals {
    const out = { whatsappByCategory: {} as Record<string, number> } as Totals;
    for (const m of METRICS) {
      let sum = 0;
      const a = this.sums[m];
      for (let k = 0; k < a.length; k++) sum += a[k];
      out[m] = sum;
    }
    out.contacts = this.allContacts.perRow[0];
    out.agents = this.allAgents.perRow[0];
    const names = this.table.dicts.category;
    for (let cat = 0; cat < names.length; cat++) {
      let sum = 0;
      for (let k = 0; k < this.buckets; k++) sum += this.byCategory[cat * this.buckets + k];
      if (sum !== 0) out.whatsappByCategory[names[cat]] = (out.whatsappByCategory[names[cat]] ?? 0) + sum;
    }
    return out;
  }
}
