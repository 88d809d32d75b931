import { Fragment, useState } from 'react';
import { KIND_CLASSES } from '../../../engine/consumption/types';
import type { RoleGroup, UserUsage } from '../../../state/people-roles';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

const slug = (s: string) => s.replace(/\W+/g, '-');

/** Users by role with counts; a role expands to its users, a user to their consumption by service and channel. */
export const RolesTable = ({ roles }: { roles: RoleGroup[] }) => {
  const t = useT();
  const locale = useLocale();
  const [openRoles, setOpenRoles] = useState<ReadonlySet<string>>(new Set());
  const [openUser, setOpenUser] = useState<string | null>(null);
  const n = (v: number) => formatNumber(v, locale);
  const minutes = (v: number) => formatNumber(v, locale, 1);
  const roleName = (r: string) => r || t('people.noRole');
  const toggleRole = (r: string) => setOpenRoles((s) => {
    const next = new Set(s);
    if (!next.delete(r)) next.add(r);
    return next;
  });
  const userRow = (u: UserUsage) => {
    const expanded = openUser === u.key;
    const detailsId = `user-${slug(u.key)}`;
    const a = u.activity;
    return (
      <Fragment key={u.key}>
        <tr className="user-row">
          <th scope="row">
            <button type="button" className="link expander" aria-expanded={expanded} aria-controls={expanded ? detailsId : undefined}
              aria-label={t('people.userDetails', { name: u.name })} onClick={() => setOpenUser(expanded ? null : u.key)} disabled={!a}>
              <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
            </button>
            {u.name}{!u.listed && <span className="badge">{t('people.fromEvents')}</span>}
            {u.email && <span className="hint"> · {u.email}</span>}
          </th>
          <td className="num">{a ? 1 : 0}</td>
          <td className="num">{n(u.events)}</td>
          <td className="num">{n(u.messages)}</td>
          <td className="num">{minutes(u.minutes)}</td>
        </tr>
        {expanded && a && (
          <tr className="sample" id={detailsId}>
            <td colSpan={5}>
              <dl className="agent-details">
                <dt>{t('people.byService')}</dt>
                <dd>{KIND_CLASSES.filter((k) => a.byKind[k]).map((k) => `${t(`kind.${k}`)}: ${n(a.byKind[k] ?? 0)}`).join(' · ')}
                  {a.voiceMinutes > 0 && ` · ${t('metric.voiceMinutes')}: ${minutes(a.voiceMinutes)}`}</dd>
                <dt>{t('people.channelsUsed')}</dt><dd>{a.channels.join(', ') || '–'}</dd>
                {u.listedChannels.length > 0 && <><dt>{t('people.channelsListed')}</dt><dd>{u.listedChannels.join(', ')}</dd></>}
                <dt>{t('agents.queues')}</dt><dd>{a.queues.join(', ') || '–'}</dd>
                <dt>{t('channels.inbound')} / {t('channels.outbound')}</dt><dd>{n(a.inbound)} / {n(a.outbound)}</dd>
              </dl>
            </td>
          </tr>
        )}
      </Fragment>
    );
  };
  return (
    <div className="table-wide">
      <table className="agents roles" data-testid="roles-table">
        <caption className="sr-only">{t('people.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.role')}</th>
            <th scope="col" className="num">{t('people.active')}</th>
            <th scope="col" className="num">{t('metric.events')}</th>
            <th scope="col" className="num">{t('metric.messages')}</th>
            <th scope="col" className="num">{t('metric.voiceMinutes')}</th>
          </tr>
        </thead>
        {roles.map((g) => {
          const open = openRoles.has(g.role);
          return (
            <tbody key={g.role} data-testid={`role-${slug(g.role) || 'none'}`}>
              <tr className="group-row">
                <th scope="rowgroup">
                  <button type="button" className="link expander" aria-expanded={open} aria-label={t('people.roleDetails', { role: roleName(g.role) })}
                    onClick={() => toggleRole(g.role)}>
                    <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                  </button>
                  {t('people.roleRow', { role: roleName(g.role), count: g.users.length })}
                </th>
                <td className="num">{n(g.active)}</td>
                <td className="num">{n(g.events)}</td>
                <td className="num">{n(g.messages)}</td>
                <td className="num">{minutes(g.minutes)}</td>
              </tr>
              {open && g.users.map(userRow)}
            </tbody>
          );
        })}
      </table>
    </div>
  );
};
