import type { Contract, PeriodCheck, Proposal } from '../../../engine/profitability/types';
import type { ContractCheck, ProfitResult } from '../../../worker/types';
import { useAppStore } from '../../app/store-context';
import { formatMoney } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { decimalText, periodLabel } from './format';

type Check = ProfitResult['checks'][number];

const ProposalText = ({ p, currency }: { p: Proposal | null; currency: string }) => {
  const t = useT();
  const locale = useLocale();
  const m = (a: string) => formatMoney(a, currency, locale);
  if (!p) return <>{t('profit.proposal.none')}</>;
  const up = (p.kind === 'flat' || p.kind === 'per-call') && p.rounding === 'up-to-cent' ? ` (${t('profit.proposal.upToCent')})` : '';
  if (p.kind === 'flat') return <>{t('profit.proposal.flat', { amount: m(p.monthlyFee) })}{up}</>;
  if (p.kind === 'per-call') return <>{t('profit.proposal.per-call', { amount: m(p.pricePerCall) })}{up}</>;
  if (p.kind === 'per-minute') return <>{t('profit.proposal.per-minute', { amount: m(p.pricePerMinute) })}</>;
  return <>{t('profit.proposal.category', { n: p.category, amount: m(p.cap) })}{p.coversCost ? '' : ` (${t('profit.proposal.short')})`}</>;
};

/** One period's numbers in words, from the check's structured fields (localised here, never recomputed). */
const Explanation = ({ p, contract, currency, label }: { p: PeriodCheck; contract: Contract; currency: string; label: string }) => {
  const t = useT();
  const locale = useLocale();
  const m = (a: string) => formatMoney(a, currency, locale);
  const terms = contract.terms;
  const revenue = terms.kind === 'flat'
    ? t('profit.explain.flat', { fee: m(p.revenue) })
    : terms.kind === 'per-call'
      ? t('profit.explain.per-call', { calls: p.calls, price: m(terms.pricePerCall), revenue: m(p.revenue) })
      : t(p.capped ? 'profit.explain.capped' : 'profit.explain.within', { cost: m(p.cost), n: terms.category, cap: m(terms.categories[terms.category - 1]) });
  return (
    <li>
      <strong>{label}</strong>: {t('profit.explain.cost', { minutes: decimalText(p.minutes, locale), price: m(contract.referencePricePerMinute), cost: m(p.cost) })}{' '}
      {revenue}{' '}
      {t('profit.explain.bound', { revenue: m(p.revenue), tolerance: decimalText(contract.tolerancePercent, locale), bound: m(p.bound) })}{' '}
      {t(p.status === 'flagged' ? 'profit.explain.flagged' : 'profit.explain.notFlagged')}
    </li>
  );
};

const CheckTable = ({ check, kind, timeZone }: { check: Check; kind: 'month' | 'cycle'; timeZone: string }) => {
  const t = useT();
  const locale = useLocale();
  const contracts = useAppStore((s) => s.contracts);
  const draftOffer = useAppStore((s) => s.draftOffer);
  const tasks = useAppStore((s) => s.tasks);
  const addTask = useAppStore((s) => s.addTask);
  /** Whether a task already reports this period of this contract (open or done). */
  const hasTask = (start: number) => tasks.some((task) => {
    const ref = task.ref as { kind?: string; contractId?: string; periodStart?: number } | undefined;
    return ref?.kind === 'flag' && ref.contractId === check.contractId && ref.periodStart === start;
  });
  // Checks exist only for contracts that validated: the saved JSON is a Contract.
  const json = contracts.find((c) => c.id === check.contractId)?.json as Contract | undefined;
  const m = (a: string) => formatMoney(a, check.currency, locale);
  return (
    <section aria-label={t('profit.check.heading', { name: check.contractName, client: check.clientLabel })} data-testid={`check-${check.contractId}`}>
      <h3>{t('profit.check.heading', { name: check.contractName, client: check.clientLabel })}</h3>
      <p className="hint">
        {t('profit.check.summary', {
          kind: t(`profit.kind.${check.kind}`),
          tolerance: `${decimalText(json?.tolerancePercent ?? '0', locale)} %`,
          price: m(json?.referencePricePerMinute ?? '0'),
          flagged: check.flagged,
        })}
      </p>
      <div className="table-wide">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('profit.check.period')}</th>
              <th scope="col" className="num">{t('profit.usage.minutes')}</th>
              <th scope="col" className="num">{t('profit.usage.calls')}</th>
              <th scope="col" className="num">{t('profit.usage.cost')}</th>
              <th scope="col" className="num">{t('profit.check.revenue')}</th>
              <th scope="col" className="num">{t('profit.check.bound')}</th>
              <th scope="col" className="num">{t('profit.check.margin')}</th>
              <th scope="col" className="num">{t('profit.check.marginPct')}</th>
              <th scope="col">{t('profit.check.status')}</th>
              <th scope="col">{t('profit.check.proposal')}</th>
            </tr>
          </thead>
          <tbody>
            {check.periods.map((p) => (
              <tr key={p.period} data-status={p.status}>
                <th scope="row">{periodLabel(p, kind, locale, timeZone)}{p.partial ? ` (${t('profit.usage.partial')})` : ''}</th>
                <td className="num">{decimalText(p.minutes, locale)}</td>
                <td className="num">{decimalText(String(p.calls), locale)}</td>
                <td className="num">{m(p.cost)}</td>
                <td className="num">{m(p.revenue)}{p.capped ? ` (${t('profit.check.capped')})` : ''}</td>
                <td className="num">{m(p.bound)}</td>
                <td className="num">{m(p.margin)}</td>
                <td className="num">{p.marginPercent === null ? '—' : `${decimalText(p.marginPercent, locale)} %`}</td>
                <td>
                  {p.status === 'flagged' ? <strong className="flag" data-testid="profit-flag">⚠ {t('profit.status.flagged')}</strong> : t(`profit.status.${p.status}`)}
                </td>
                <td>
                  {p.status === 'flagged' && (
                    <>
                      <span data-testid="profit-proposal"><ProposalText p={p.proposal} currency={check.currency} /></span>{' '}
                      <button type="button" className="secondary" onClick={() => draftOffer({ contractId: check.contractId, period: p.period })}
                        aria-label={`${t('profit.check.draft')}: ${check.clientLabel}, ${periodLabel(p, kind, locale, timeZone)}`}>
                        {t('profit.check.draft')}
                      </button>
                      {hasTask(p.start)
                        ? <span className="hint">{t('profit.check.taskAdded')}</span>
                        : (
                          <button type="button" className="secondary"
                            aria-label={`${t('profit.check.addTask')}: ${check.clientLabel}, ${periodLabel(p, kind, locale, timeZone)}`}
                            onClick={() => void addTask(
                              t('profit.task.flag', { name: check.contractName, client: check.clientLabel, period: periodLabel(p, kind, locale, timeZone), cost: m(p.cost), bound: m(p.bound) }),
                              { kind: 'flag', contractId: check.contractId, periodStart: p.start, client: check.client },
                            )}>
                            {t('profit.check.addTask')}
                          </button>
                        )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {json && (
        <details>
          <summary>{t('profit.explain.summary')}</summary>
          <ul>
            {check.periods.map((p) => (
              <Explanation key={p.period} p={p} contract={json} currency={check.currency} label={periodLabel(p, kind, locale, timeZone)} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
};

/** Each saved contract checked period by period, flags and proposed prices, with "Draft offer" on flagged periods. */
export const ChecksPanel = ({ result, kind }: { result: ProfitResult; kind: 'month' | 'cycle' }) => {
  const t = useT();
  if (result.checks.length === 0 && result.skipped.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="profit-checks-title">
      <h2 id="profit-checks-title">{t('profit.check.title')}</h2>
      <p className="hint">{t('profit.check.rule')}</p>
      {result.skipped.map((s) => <p key={s.contractId} className="panel error">{t('profit.check.skipped', { name: s.name })}</p>)}
      {result.checks.map((c: ContractCheck & { contractId: string }) => <CheckTable key={c.contractId} check={c} kind={kind} timeZone={result.timeZone} />)}
    </section>
  );
};
