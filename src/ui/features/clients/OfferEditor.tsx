import { useEffect, useId, useMemo, useState } from 'react';
import { defaultTemplate } from '../../../engine/offers/defaults';
import { PLACEHOLDERS, renderTemplate } from '../../../engine/offers/placeholders';
import { templateId, type OfferLocale, type OfferTemplate } from '../../../engine/offers/template';
import { offerValues } from '../../../engine/offers/values';
import type { Contract } from '../../../engine/profitability/types';
import type { ProfitResult } from '../../../worker/types';
import { useAppStore } from '../../app/store-context';
import { downloadText } from '../../components/download';
import { formatDate } from '../../i18n/format';
import { LOCALE_NAMES, LOCALES, translate } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import { useIssueText } from '../../i18n/issue-text';
import { offerFormat, periodLabel } from './format';

const userTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const fileNameOf = (client: string, period: string): string =>
  `offer-${`${client}-${period}`.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'offer'}.txt`;

/**
 * The offer for a flagged period: the template of the contract's kind in the chosen language (the user's edited one
 * or the default), editable, with the placeholder legend beside it and the rendered preview; copy, download, open in
 * the mail app (a mailto: link, no request), or mark as sent (a follow-up task due in 7 days).
 */
export const OfferEditor = ({ result, kind }: { result: ProfitResult; kind: 'month' | 'cycle' }) => {
  const t = useT();
  const issueText = useIssueText();
  const uiLocale = useLocale();
  const id = useId();
  const target = useAppStore((s) => s.offerTarget);
  const contracts = useAppStore((s) => s.contracts);
  const saved = useAppStore((s) => s.offerTemplates);
  const draftOffer = useAppStore((s) => s.draftOffer);
  const saveTemplate = useAppStore((s) => s.saveOfferTemplate);
  const resetTemplate = useAppStore((s) => s.resetOfferTemplate);
  const markSent = useAppStore((s) => s.markOfferSent);
  const [lang, setLang] = useState<OfferLocale>(uiLocale);
  const [sender, setSender] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  const check = result.checks.find((c) => c.contractId === target?.contractId);
  const period = check?.periods[target?.period ?? -1];
  // Checks exist only for contracts that validated: the saved JSON is a Contract.
  const contract = contracts.find((c) => c.id === target?.contractId)?.json as Contract | undefined;
  const contractKind = check?.kind ?? 'flat';
  const tid = templateId(contractKind, lang);
  const edited = saved.find((s) => s.id === tid)?.json as OfferTemplate | undefined;
  const template = edited ?? defaultTemplate(contractKind, lang);
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  useEffect(() => {
    setSubject(template.subject);
    setBody(template.body);
  }, [template.subject, template.body]);
  useEffect(() => setStatus(null), [target?.contractId, target?.period]);
  // The template's language follows the UI language when that changes (it can still be picked here).
  useEffect(() => setLang(uiLocale), [uiLocale]);

  const values = useMemo(() => {
    if (!check || !period || !contract) return [];
    const fmt = offerFormat(lang, check.currency, result.timeZone, kind, translate(lang, 'profit.offer.perMinute'));
    return offerValues({ contract, clientLabel: check.clientLabel, check: period, locale: lang, sender: sender.trim() }, fmt);
  }, [check, period, contract, lang, result.timeZone, kind, sender]);

  if (!target || !check || !period || !contract) return null;
  const periodName = periodLabel(period, kind, uiLocale, result.timeZone);
  const renderedSubject = renderTemplate(subject, values);
  const renderedBody = renderTemplate(body, values);
  const unknown = [...new Set([...renderedSubject.unknown, ...renderedBody.unknown])];
  const fullText = `${renderedSubject.text}\n\n${renderedBody.text}\n`;
  const email = contract.contact?.email ?? '';
  const mailto = `mailto:${encodeURIComponent(email)}?subject=${encodeURIComponent(renderedSubject.text)}&body=${encodeURIComponent(renderedBody.text)}`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(fullText);
      setStatus(t('profit.offer.copied'));
    } catch {
      setStatus(t('profit.offer.copyFailed'));
    }
  };

  return (
    <section className="panel offer" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('profit.offer.title', { client: check.clientLabel, period: periodName })}</h2>
      <div className="toolbar">
        <label>
          {t('profit.offer.language')}{' '}
          <select value={lang} onChange={(e) => setLang(e.target.value as OfferLocale)}>
            {LOCALES.map((l) => <option key={l} value={l}>{LOCALE_NAMES[l]}</option>)}
          </select>
        </label>
        <label>
          {t('profit.offer.sender')}{' '}
          <input value={sender} onChange={(e) => setSender(e.target.value)} />
        </label>
        <button type="button" className="secondary" onClick={() => draftOffer(null)}>{t('profit.offer.close')}</button>
      </div>
      <div className="offer-layout">
        <div>
          <label className="offer-field">
            {t('profit.offer.subject')}
            <input value={subject} onChange={(e) => setSubject(e.target.value)} />
          </label>
          <label className="offer-field">
            {t('profit.offer.body')}
            <textarea value={body} rows={14} onChange={(e) => setBody(e.target.value)} />
          </label>
          <div className="toolbar">
            <button type="button" className="secondary"
              onClick={async () => {
                const issues = await saveTemplate({ format: 'tarifa.template/1', kind: contractKind, locale: lang, subject, body });
                setStatus(issues.length === 0 ? t('profit.offer.templateSaved') : issues.map((i) => `${i.path}: ${issueText(i)}`).join('; '));
              }}>
              {t('profit.offer.saveTemplate')}
            </button>
            {edited && (
              <button type="button" className="secondary"
                onClick={async () => { await resetTemplate(tid); setStatus(t('profit.offer.templateReset')); }}>
                {t('profit.offer.resetTemplate')}
              </button>
            )}
            {edited && <span className="hint">{t('profit.offer.edited')}</span>}
          </div>
        </div>
        <aside aria-labelledby={`${id}-legend`}>
          <h3 id={`${id}-legend`}>{t('profit.offer.legend')}</h3>
          <dl className="placeholders" data-testid="offer-legend">
            {PLACEHOLDERS.map((key, n) => (
              <div key={key}>
                <dt>{`{${n}}`}</dt>{' '}
                <dd>{t(`profit.ph.${key}`)}</dd>
              </div>
            ))}
          </dl>
        </aside>
      </div>
      {unknown.length > 0 && <p className="panel error" role="alert">{t('profit.offer.unknown', { list: unknown.map((n) => `{${n}}`).join(', ') })}</p>}
      <h3>{t('profit.offer.preview')}</h3>
      <div className="panel offer-preview" data-testid="offer-preview" lang={lang}>
        <strong>{renderedSubject.text}</strong>
        {'\n\n'}
        {renderedBody.text}
      </div>
      <div className="toolbar">
        <button type="button" onClick={() => void copy()}>{t('profit.offer.copy')}</button>
        <button type="button" className="secondary" onClick={() => downloadText(fullText, fileNameOf(check.clientLabel, periodName), 'text/plain;charset=utf-8')}>
          {t('profit.offer.download')}
        </button>
        <a className="button secondary" href={mailto}>{t('profit.offer.mailto')}</a>
        <button type="button"
          onClick={async () => {
            const task = await markSent(t('profit.task.title', { client: check.clientLabel, period: periodName }), userTimeZone(), {
              contractId: check.contractId, period: period.period, periodStart: period.start, client: check.client,
            });
            if (task) setStatus(t('profit.offer.sent', { date: formatDate(task.due, uiLocale, userTimeZone()) }));
          }}>
          {t('profit.offer.markSent')}
        </button>
      </div>
      {!email && <p className="hint">{t('profit.offer.noEmail')}</p>}
      {status && <p className="panel notice" role="status" data-testid="offer-status">{status}</p>}
    </section>
  );
};
