/** Per-agent activity in the range: counts by kind, queues, channels, contacts, first and last event. */
import type { EventTable } from '../events';
import type { Classes } from './accumulator';
import { KIND } from './classify';
import { DistinctPairs, PairSums } from './distinct';
import { KIND_CLASSES, type AgentActivity, type KindClass } from './types';

export class AgentAccumulator {
  private readonly byKind: Float64Array;
  private readonly inbound: Float64Array;
  private readonly outbound: Float64Array;
  private readonly minutes: Float64Array;
  private readonly first: Float64Array;
  private readonly last: Float64Array;
  private readonly queues: PairSums;
  private readonly teams: PairSums;
  private readonly channels: PairSums;
  private readonly contacts: DistinctPairs;

  constructor(private readonly table: EventTable, private readonly classes: Classes) {
    const n = table.dicts.agent.length;
    this.byKind = new Float64Array(n * KIND_CLASSES.length);
    this.inbound = new Float64Array(n);
    this.outbound = new Float64Array(n);
    this.minutes = new Float64Array(n);
    this.first = new Float64Array(n).fill(Infinity);
    this.last = new Float64Array(n).fill(-Infinity);
    this.queues = new PairSums(n, table.dicts.queue.length);
    this.teams = new PairSums(n, table.dicts.team.length);
    this.channels = new PairSums(n, table.dicts.channel.length);
    this.contacts = new DistinctPairs(n, table.dicts.contact.length);
  }

  add(i: number): void {
    const c = this.table.columns;
    const a = c.strings.agent[i];
    if (a === 0) return;
    const qv = c.quantity[i];
    const q = Number.isFinite(qv) ? qv : 1;
    const kind = this.classes.kind[c.strings.kind[i]];
    this.byKind[a * KIND_CLASSES.length + kind] += q;
    const dir = this.classes.direction[c.strings.direction[i]];
    if (dir === 1) this.inbound[a] += q;
    else if (dir === 2) this.outbound[a] += q;
    if (kind === KIND.call && Number.isFinite(c.duration[i])) this.minutes[a] += c.duration[i] / 60;
    const ts = c.timestamp[i];
    if (ts < this.first[a]) this.first[a] = ts;
    if (ts > this.last[a]) this.last[a] = ts;
    this.queues.add(a, c.strings.queue[i], q);
    this.teams.add(a, c.strings.team[i], q);
    this.channels.add(a, c.strings.channel[i], q);
    if (c.strings.contact[i] !== 0) this.contacts.add(a, c.strings.contact[i]);
  }

  result(): AgentActivity[] {
    const d = this.table.dicts;
    const out: AgentActivity[] = [];
    for (let a = 1; a < d.agent.length; a++) {
      if (this.first[a] === Infinity) continue;
      const byKind: Partial<Record<KindClass, number>> = {};
      let events = 0;
      KIND_CLASSES.forEach((k, ki) => {
        const v = this.byKind[a * KIND_CLASSES.length + ki];
        if (v !== 0) byKind[k] = v;
        events += v;
      });
      const queues = this.queues.codesOf(a).filter((q) => q !== 0).map((q) => d.queue[q]);
      const teams = this.teams.codesOf(a).filter((t) => t !== 0);
      out.push({
        agent: d.agent[a],
        queue: queues[0] ?? '',
        team: teams.length > 0 ? d.team[teams[0]] : '',
        queues,
        channels: this.channels.codesOf(a).filter((ch) => ch !== 0).map((ch) => d.channel[ch]),
        byKind,
        events,
        inbound: this.inbound[a],
        outbound: this.outbound[a],
        contacts: this.contacts.perRow[a],
        voiceMinutes: this.minutes[a],
        first: this.first[a],
        last: this.last[a],
      });
    }
    return out.sort((x, y) => x.queue.localeCompare(y.queue) || y.events - x.events || x.agent.localeCompare(y.agent));
  }
}
