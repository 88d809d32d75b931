import { useEffect, useMemo } from 'react';
import type { AgentActivity } from '../../../engine/consumption/types';
import { rolesOf, seatsByRole } from '../../../state/people-roles';
import { useAppStore } from '../../app/store-context';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { PeopleFile } from './PeopleFile';
import { RolesTable } from './RolesTable';

/** Users by role (the imported users list, or the agents of the events) and active seats per billing cycle. */
export const PeopleSection = ({ agents, timeZone }: { agents: AgentActivity[]; timeZone: string }) => {
  const t = useT();
  const locale = useLocale();
  const list = useAppStore((s) => s.peopleList);
  const seats = useAppStore((s) => s.seats);
  const loadPeople = useAppStore((s) => s.loadPeople);
  const runSeats = useAppStore((s) => s.runSeats);
  const selectedId = useAppStore((s) => s.selectedId);
  const plan = useAppStore((s) => s.plan);
  useEffect(() => { void loadPeople(); }, [loadPeople]);
  useEffect(() => { void runSeats(); }, [runSeats, selectedId, plan]);
  const roles = useMemo(() => rolesOf(list?.people ?? null, agents), [list, agents]);
  const perCycle = useMemo(() => (seats ? seatsByRole(seats, list?.people ?? null) : []), [seats, list]);
  const roleNames = [...new Set(perCycle.flatMap((c) => Object.keys(c.byRole)))].sort((a, b) => (a === '') !== (b === '') ? (a === '' ? 1 : -1) : a.localeCompare(b));
  const showRoles = list !== null && roleNames.length > 0;
  return (
    <section className="panel people" aria-labelledby="people-title">
      <h2 id="people-title">{t('people.title')}</h2>
      <PeopleFile />
      {roles.length === 0 ? <p className="hint">{t('agents.none')}</p> : <RolesTable roles={roles} />}
      <h3 id="seats-title">{t('people.seats.title')}</h3>
      {perCycle.length === 0 ? <p className="hint">{t('people.seats.none')}</p> : (
        <div className="table-wide">
          <table className="lines seats" aria-labelledby="seats-title" data-testid="seats-table">
            <thead>
              <tr>
                <th scope="col">{t('people.seats.cycle')}</th>
                <th scope="col" className="num">{t('people.seats.total')}</th>
                {showRoles && roleNames.map((r) => <th key={r} scope="col" className="num">{r || t('people.noRole')}</th>)}
              </tr>
            </thead>
            <tbody>
              {perCycle.map((c) => (
                <tr key={c.start}>
                  <th scope="row">{t('people.seats.range', { from: formatDate(c.start, locale, seats?.timeZone ?? timeZone), to: formatDate(c.end - 1, locale, seats?.timeZone ?? timeZone) })}</th>
                  <td className="num">{formatNumber(c.total, locale)}</td>
                  {showRoles && roleNames.map((r) => <td key={r} className="num">{formatNumber(c.byRole[r] ?? 0, locale)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
