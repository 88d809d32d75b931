import { Fragment, useState } from 'react';
import { KIND_CLASSES, type AgentActivity } from '../../../engine/consumption/types';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

type Props = { agents: AgentActivity[]; timeZone: string };

/** Agents grouped by their team (their role) or else their main queue; each row expands to the agent's details. */
export const AgentsTable = ({ agents, timeZone }: Props) => {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState<string | null>(null);
  const n = (v: number) => formatNumber(v, locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const groups = new Map<string, AgentActivity[]>();
  for (const a of agents) {
    const g = a.team || a.queue;
    groups.set(g, [...(groups.get(g) ?? []), a]);
  }
  return (
    <section className="panel" aria-labelledby="agents-title">
      <h2 id="agents-title">{t('agents.title')}</h2>
      {agents.length === 0 ? <p className="hint">{t('agents.none')}</p> : (
        <div className="table-wide">
          <table className="agents">
            <thead>
              <tr>
                <th scope="col">{t('agents.agent')}</th>
                <th scope="col" className="num">{t('metric.events')}</th>
                <th scope="col" className="num">{t('channels.inbound')}</th>
                <th scope="col" className="num">{t('channels.outbound')}</th>
                <th scope="col" className="num">{t('agents.contacts')}</th>
                <th scope="col">{t('agents.last')}</th>
              </tr>
            </thead>
            {[...groups].map(([group, members]) => (
              <tbody key={group}>
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={6}>{t('agents.group', { name: group || t('agents.noQueue'), count: members.length })}</th>
                </tr>
                {members.map((a) => {
                  const expanded = open === a.agent;
                  const detailsId = `agent-${a.agent.replace(/\W+/g, '-')}`;
                  return (
                    <Fragment key={a.agent}>
                      <tr>
                        <th scope="row">
                          <button type="button" className="link expander" aria-expanded={expanded} aria-controls={expanded ? detailsId : undefined}
                            aria-label={t('agents.details', { name: a.agent })} onClick={() => setOpen(expanded ? null : a.agent)}>
                            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
                          </button>
                          {a.agent}
                        </th>
                        <td className="num">{n(a.events)}</td>
                        <td className="num">{n(a.inbound)}</td>
                        <td className="num">{n(a.outbound)}</td>
                        <td className="num">{n(a.contacts)}</td>
                        <td>{when.format(a.last)}</td>
                      </tr>
                      {expanded && (
                        <tr className="sample" id={detailsId}>
                          <td colSpan={6}>
                            <dl className="agent-details">
                              {a.team && <><dt>{t('agents.team')}</dt><dd>{a.team}</dd></>}
                              <dt>{t('agents.queues')}</dt><dd>{a.queues.join(', ') || '–'}</dd>
                              <dt>{t('agents.channels')}</dt><dd>{a.channels.join(', ') || '–'}</dd>
                              <dt>{t('agents.activity')}</dt>
                              <dd>{KIND_CLASSES.filter((k) => a.byKind[k]).map((k) => `${t(`kind.${k}`)}: ${n(a.byKind[k] ?? 0)}`).join(' · ')}
                                {a.voiceMinutes > 0 && ` · ${t('metric.voiceMinutes')}: ${formatNumber(a.voiceMinutes, locale, 1)}`}</dd>
                              <dt>{t('agents.first')}</dt><dd>{when.format(a.first)}</dd>
                            </dl>
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
};
