/**
 * The dashboard's users by role (issue #7): the workspace's people list joined to the agents of the consumption
 * result (which the worker computed), or, without a list, the agents grouped by their team (or queue). An event's
 * agent is a person when it equals the person's agent id, e-mail (any case) or name (any case, accents aside).
 * Only joins and sums per-agent totals the worker gave: no event data here.
 */
import type { AgentActivity } from '../engine/consumption/types';
import type { Person, SeatCycles } from '../worker/types';

export type UserUsage = {
  /** Stable key for the row: the agent value, else the person's e-mail or name. */
  key: string;
  name: string;
  email: string;
  /** The agent value the events carry ('' when the person has no events in the range). */
  agent: string;
  role: string;
  /** In the people list (false: seen only in the events). */
  listed: boolean;
  /** The channels the list gives the person. */
  listedChannels: string[];
  activity: AgentActivity | null;
  events: number;
  messages: number;
  minutes: number;
};

export type RoleGroup = { role: string; users: UserUsage[]; active: number; events: number; messages: number; minutes: number };

export const foldName = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** Finds the person behind an event's agent value. */
export const personMatcher = (people: readonly Person[]) => {
  const byAgent = new Map<string, Person>();
  const byEmail = new Map<string, Person>();
  const byName = new Map<string, Person>();
  for (const p of people) {
    if (p.agent) byAgent.set(p.agent, p);
    if (p.email) byEmail.set(p.email.toLowerCase(), p);
    if (p.name && !byName.has(foldName(p.name))) byName.set(foldName(p.name), p);
  }
  return (agent: string): Person | undefined => byAgent.get(agent) ?? byEmail.get(agent.toLowerCase()) ?? byName.get(foldName(agent));
};

const usage = (a: AgentActivity | null) => ({
  events: a?.events ?? 0,
  messages: (a?.byKind.message ?? 0) + (a?.byKind.sms ?? 0),
  minutes: a?.voiceMinutes ?? 0,
});

/**
 * Users grouped by role, roles by name ('' last: agents not in the list, or without a role); users with events first,
 * then by name. Without a list (`people` null) every agent is a user whose role is its team, else its main queue.
 */
export const rolesOf = (people: readonly Person[] | null, agents: readonly AgentActivity[]): RoleGroup[] => {
  const users: UserUsage[] = [];
  if (people === null) {
    for (const a of agents) {
      users.push({ key: a.agent, name: a.agent, email: '', agent: a.agent, role: a.team || a.queue, listed: false, listedChannels: [], activity: a, ...usage(a) });
    }
  } else {
    const match = personMatcher(people);
    const taken = new Map<Person, AgentActivity>();
    const unlisted: AgentActivity[] = [];
    for (const a of agents) {
      const p = match(a.agent);
      if (p && !taken.has(p)) taken.set(p, a);
      else unlisted.push(a);
    }
    for (const p of people) {
      const a = taken.get(p) ?? null;
      users.push({ key: a?.agent ?? (p.email || p.agent || p.name), name: p.name || p.email || p.agent || '', email: p.email, agent: a?.agent ?? '', role: p.role, listed: true, listedChannels: p.channels, activity: a, ...usage(a) });
    }
    for (const a of unlisted) {
      users.push({ key: a.agent, name: a.agent, email: '', agent: a.agent, role: '', listed: false, listedChannels: [], activity: a, ...usage(a) });
    }
  }
  const groups = new Map<string, RoleGroup>();
  for (const u of users) {
    let g = groups.get(u.role);
    if (!g) groups.set(u.role, (g = { role: u.role, users: [], active: 0, events: 0, messages: 0, minutes: 0 }));
    g.users.push(u);
    if (u.events > 0) g.active++;
    g.events += u.events;
    g.messages += u.messages;
    g.minutes += u.minutes;
  }
  for (const g of groups.values()) g.users.sort((x, y) => Number(y.events > 0) - Number(x.events > 0) || x.name.localeCompare(y.name));
  return [...groups.values()].sort((x, y) => (x.role === '') !== (y.role === '') ? (x.role === '' ? 1 : -1) : x.role.localeCompare(y.role));
};

/** Active seats per cycle, in total and per role (roles as `rolesOf` names them; '' = not in the list / no role). */
export const seatsByRole = (seats: SeatCycles, people: readonly Person[] | null): { start: number; end: number; total: number; byRole: Record<string, number> }[] => {
  const match = people ? personMatcher(people) : null;
  return seats.cycles.map((c) => {
    const byRole: Record<string, number> = {};
    for (const a of c.agents) {
      const role = match ? (match(a)?.role ?? '') : '';
      byRole[role] = (byRole[role] ?? 0) + 1;
    }
    return { start: c.start, end: c.end, total: c.agents.length, byRole };
  });
};
