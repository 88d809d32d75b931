import { describe, expect, it } from 'vitest';
import type { AgentActivity } from '../engine/consumption/types';
import { rolesOf, seatsByRole } from './people-roles';

const agent = (name: string, team: string, byKind: AgentActivity['byKind'], voiceMinutes = 0): AgentActivity => ({
  agent: name, queue: team, team: '', queues: [team], channels: ['wa'], byKind, events: Object.values(byKind).reduce((a, b) => a + (b ?? 0), 0),
  inbound: 0, outbound: 0, contacts: 0, voiceMinutes, first: 0, last: 0,
});

const agents = [
  agent('ana', 'Sales', { message: 3, sms: 1 }),
  agent('Bruno Lima', 'Sales', { call: 2 }, 7.5),
  agent('carla@example.com', 'Support', { message: 2 }),
  agent('ghost', 'Support', { email: 1 }),
];

describe('rolesOf', () => {
  it('without a list, groups the agents by queue', () => {
    const roles = rolesOf(null, agents);
    expect(roles.map((r) => [r.role, r.users.length, r.events, r.messages, r.minutes])).toEqual([['Sales', 2, 6, 4, 7.5], ['Support', 2, 3, 2, 0]]);
  });

  it('links agents by id, name (any case, accents aside) or e-mail; the unlisted and idle are shown too', () => {
    const people = [
      { name: 'Ana Souza', email: 'ana@example.com', role: 'Sales', channels: [], agent: 'ana' },
      { name: 'Bruno  LIMA', email: '', role: 'Sales', channels: ['voice'] },
      { name: 'Cárla', email: 'Carla@Example.com', role: 'Support', channels: [] },
      { name: 'Dora', email: 'dora@example.com', role: 'Supervisor', channels: [] },
    ];
    const roles = rolesOf(people, agents);
    expect(roles.map((r) => [r.role, r.users.map((u) => [u.name, u.agent, u.events]), r.active])).toEqual([
      ['Sales', [['Ana Souza', 'ana', 4], ['Bruno  LIMA', 'Bruno Lima', 2]], 2],
      ['Supervisor', [['Dora', '', 0]], 0],
      ['Support', [['Cárla', 'carla@example.com', 2]], 1],
      ['', [['ghost', 'ghost', 1]], 1],
    ]);
    expect(seatsByRole({ timeZone: 'UTC', cycles: [{ start: 0, end: 1, agents: ['ana', 'ghost', 'Bruno Lima'] }] }, people))
      .toEqual([{ start: 0, end: 1, total: 3, byRole: { Sales: 2, '': 1 } }]);
  });
});
