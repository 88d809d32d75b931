/**
 * Users/agents (issue #7): the workspace's people list read from a CSV in the worker (name, e-mail, role, channels,
 * and the agent id the events carry; English, Portuguese and Spanish headers), rejects reported by line, stored in
 * the `people` table; and the active seats per billing cycle (distinct agents with at least one event).
 */
import { cycleBoundaries, cycleIndexOf } from '../engine/time/cycles';
import { timeRange } from '../engine/time/time-range';
import { csvRecords } from '../import/csv-records';
import type { CsvSource } from '../import/text-source';
import type { PeopleRow, TarifaDb } from '../storage/db';
import { deletePeople, getPeople, putPeople } from '../storage/people-repo';
import { toFailure } from './failure';
import type { TableCache } from './table-cache';
import type { PeopleImport, PeopleList, Person, PersonReject, Result, SeatCycles, WorkerApi } from './types';

type PeopleCtx = { db: TarifaDb; now: () => number; tables: TableCache };

/** The columns of a people file: header names (folded: lower case, no accents, single spaces), first match wins. */
const HEADERS: Record<keyof Person, readonly string[]> = {
  name: ['name', 'full name', 'display name', 'nome', 'nome completo', 'nombre', 'nombre completo'],
  email: ['email', 'e-mail', 'e mail', 'mail', 'email address', 'e-mail address', 'endereco de e-mail', 'correo', 'correo electronico', 'correo-e'],
  role: ['role', 'profile', 'papel', 'funcao', 'perfil', 'cargo', 'rol', 'puesto'],
  channels: ['channels', 'channel', 'canais', 'canal', 'canales'],
  agent: ['agent', 'agent id', 'agent_id', 'agentid', 'login', 'username', 'user', 'id', 'agente', 'id do agente', 'usuario', 'id del agente'],
};

const fold = (s: string): string =>
  s.replace(/^\uFEFF/, '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/\s+/g, ' ');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const shown = (s: string): string => `'${s.length > 60 ? `${s.slice(0, 57)}...` : s}'`;

/** Largest people file read: a list of users is small; a usage export chosen by mistake is refused early. */
const MAX_PEOPLE = 100_000;

/** A people file that cannot be read: the English message, and a code with parameters said in the user's language. */
export class PeopleFileError extends Error {
  constructor(message: string, readonly code: string, readonly params: Record<string, string | number> = {}) {
    super(message);
  }
}

/** Parses a people CSV: the people read and each refused line with its reason. Throws a PeopleFileError for a file it cannot read. */
export const parsePeople = async (source: CsvSource): Promise<{ people: Person[]; rejects: PersonReject[] }> => {
  const people: Person[] = [];
  const rejects: PersonReject[] = [];
  let columns: Record<keyof Person, number> | null = null;
  let width = 0;
  const emails = new Map<string, number>();
  const agents = new Map<string, number>();
  for await (const batch of csvRecords(source, 1 << 20)) {
    for (let k = 0; k < batch.rows.length; k++) {
      const row = batch.rows[k];
      const line = batch.lines ? batch.lines[k] : batch.firstLine + k;
      if (row.length === 1 && row[0].trim() === '') continue;
      if (columns === null) {
        const names = row.map(fold);
        columns = Object.fromEntries(Object.entries(HEADERS).map(([field, aliases]) =>
          [field, aliases.map((a) => names.indexOf(a)).find((i) => i >= 0) ?? -1])) as Record<keyof Person, number>;
        if (columns.name < 0 && columns.email < 0) {
          const found = row.map((c) => c.trim()).slice(0, 12).join(', ');
          throw new PeopleFileError(`line ${line}: no 'name' or 'e-mail' column (found: ${found})`, 'noHeader', { line, found });
        }
        width = row.length;
        continue;
      }
      const error = batch.errors?.get(k);
      if (error) { rejects.push({ line, reason: `row: ${error}` }); continue; }
      if (row.length !== width) { rejects.push({ line, reason: `row: expected ${width} fields, found ${row.length}` }); continue; }
      const cell = (i: number) => (i < 0 ? '' : row[i].trim());
      const person: Person = {
        name: cell(columns.name), email: cell(columns.email).toLowerCase(), role: cell(columns.role),
        channels: cell(columns.channels).split(/[;|,]/).map((c) => c.trim()).filter((c) => c !== ''),
      };
      const agent = cell(columns.agent);
      if (agent) person.agent = agent;
      if (!person.name && !person.email && !person.agent) { rejects.push({ line, reason: 'name: empty (a person needs a name, an e-mail or an agent id)' }); continue; }
      if (person.email && !EMAIL.test(person.email)) { rejects.push({ line, reason: `e-mail: ${shown(person.email)} is not an e-mail address` }); continue; }
      const twinEmail = person.email ? emails.get(person.email) : undefined;
      if (twinEmail !== undefined) { rejects.push({ line, reason: `e-mail: ${shown(person.email)} is already on line ${twinEmail}` }); continue; }
      const twinAgent = person.agent ? agents.get(person.agent) : undefined;
      if (twinAgent !== undefined) { rejects.push({ line, reason: `agent: ${shown(person.agent!)} is already on line ${twinAgent}` }); continue; }
      if (people.length >= MAX_PEOPLE) throw new PeopleFileError(`line ${line}: more than ${MAX_PEOPLE} people; is this a users file?`, 'tooMany', { line, max: MAX_PEOPLE });
      if (person.email) emails.set(person.email, line);
      if (person.agent) agents.set(person.agent, line);
      people.push(person);
    }
  }
  if (columns === null) throw new PeopleFileError('the file is empty: expected a header with name, e-mail, role, channels', 'empty');
  return { people, rejects };
};

const toList = (row: PeopleRow): PeopleList => ({ name: row.name, people: row.people, updatedAt: row.updatedAt });

const isId = (id: unknown): id is string => typeof id === 'string' && id.length > 0;

const isCycle = (c: unknown): c is { anchorDay: number; timeZone: string } => {
  if (typeof c !== 'object' || c === null) return false;
  const { anchorDay, timeZone } = c as Record<string, unknown>;
  return typeof anchorDay === 'number' && Number.isInteger(anchorDay) && anchorDay >= 1 && anchorDay <= 28 && typeof timeZone === 'string';
};

export const createPeopleCalls = (ctx: PeopleCtx): Pick<WorkerApi, 'importPeople' | 'people' | 'deletePeople' | 'activeSeats'> => ({
  async importPeople(file, name) {
    try {
      let read: Awaited<ReturnType<typeof parsePeople>>;
      try {
        read = await parsePeople(file);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const detail = error instanceof PeopleFileError
          ? { code: `people.${error.code}`, params: error.params, file: name }
          : { code: 'people.unreadable', params: { reason: message }, file: name };
        return { ok: false, error: { code: 'bad-file', message: `${name}: ${message}`, detail } };
      }
      if (read.people.length === 0) {
        return {
          ok: false,
          error: {
            code: 'bad-file', message: `${name}: no person could be read (${read.rejects.length} lines refused)`,
            detail: { code: 'people.noneRead', params: { count: read.rejects.length }, file: name },
          },
        };
      }
      const row = await putPeople(ctx.db, String(name || 'people.csv'), read.people, ctx.now());
      const value: PeopleImport = { list: toList(row), rejects: read.rejects };
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async people() {
    const row = await getPeople(ctx.db);
    return row ? toList(row) : null;
  },

  async deletePeople() {
    await deletePeople(ctx.db);
  },

  async activeSeats(datasetId, cycle): Promise<Result<SeatCycles>> {
    try {
      const table = isId(datasetId) ? await ctx.tables.get(datasetId) : undefined;
      if (!table) return { ok: false, error: { code: 'not-found', message: 'This dataset no longer exists.' } };
      if (!isCycle(cycle)) return { ok: false, error: { code: 'invalid-range', message: 'A billing cycle is an anchor day 1-28 and a time zone.' } };
      const n = table.columns.length;
      if (n === 0) return { ok: true, value: { timeZone: cycle.timeZone, cycles: [] } };
      const { min, max } = timeRange(table.columns.timestamp, n);
      const bounds = cycleBoundaries(min, max, cycle);
      const cycles = bounds.length - 1;
      const agentCodes = table.columns.strings.agent;
      const dict = table.dicts.agent;
      // One bit per (cycle, agent): a few cycles × the agents of the dataset.
      const seen = new Uint8Array(cycles * dict.length);
      for (let i = 0; i < n; i++) {
        const a = agentCodes[i];
        if (a === 0) continue;
        const c = cycleIndexOf(bounds, table.columns.timestamp[i]);
        if (c >= 0 && c < cycles) seen[c * dict.length + a] = 1;
      }
      const value: SeatCycles = {
        timeZone: cycle.timeZone,
        cycles: Array.from({ length: cycles }, (_, c) => {
          const agents: string[] = [];
          for (let a = 1; a < dict.length; a++) if (seen[c * dict.length + a]) agents.push(dict[a]);
          return { start: bounds[c], end: bounds[c + 1], agents: agents.sort((x, y) => x.localeCompare(y)) };
        }).filter((c) => c.agents.length > 0),
      };
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },
});
