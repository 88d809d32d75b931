import { useId, useState } from 'react';
import { MAX_CATEGORIES } from '../../../engine/profitability/contract';
import type { ContractKind } from '../../../engine/profitability/types';
import type { PlanIssue } from '../../../worker/types';
import { useT } from '../../i18n/use-t';
import { useIssueText } from '../../i18n/issue-text';
import { draftToJson, type ContractDraft } from './contract-draft';

type Props = {
  initial: ContractDraft;
  editing: boolean;
  /** The clients to choose from: key and label. */
  clients: { key: string; label: string }[];
  onSave: (json: Record<string, unknown>) => Promise<PlanIssue[]>;
  onCancel: () => void;
};

const KINDS: ContractKind[] = ['flat', 'per-call', 'cost-cap'];

/** The contract form: common fields, then the fields of the chosen kind; problems by path after Save. */
export const ContractForm = ({ initial, editing, clients, onSave, onCancel }: Props) => {
  const t = useT();
  const issueText = useIssueText();
  const id = useId();
  const [d, setD] = useState<ContractDraft>(initial);
  const [issues, setIssues] = useState<PlanIssue[]>([]);
  const set = (patch: Partial<ContractDraft>) => setD((x) => ({ ...x, ...patch }));
  const invalid = (path: string) => issues.some((i) => i.path === path || i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`));
  const options = clients.some((c) => c.key === d.client) || d.client === '' ? clients : [...clients, { key: d.client, label: d.client }];

  const field = (label: string, path: string, value: string, onChange: (v: string) => void, extra: { inputMode?: 'decimal' | 'email' | 'text'; size?: number } = {}) => (
    <label>
      {label}{' '}
      <input value={value} aria-invalid={invalid(path)} inputMode={extra.inputMode} size={extra.size} onChange={(e) => onChange(e.target.value)} />
    </label>
  );

  return (
    <form
      className="panel"
      aria-label={editing ? t('profit.form.edit') : t('profit.form.new')}
      onSubmit={async (e) => {
        e.preventDefault();
        const found = await onSave(draftToJson(d));
        setIssues(found);
      }}
    >
      <h3>{editing ? t('profit.form.edit') : t('profit.form.new')}</h3>
      <div className="toolbar">
        {field(t('profit.form.name'), 'name', d.name, (v) => set({ name: v }))}
        <label>
          {t('profit.form.client')}{' '}
          <select value={d.client} aria-invalid={invalid('client')} onChange={(e) => set({ client: e.target.value })}>
            <option value="">—</option>
            {options.map((c) => <option key={c.key} value={c.key}>{c.label}</option>)}
          </select>
        </label>
        {field(t('profit.form.currency'), 'currency', d.currency, (v) => set({ currency: v.toUpperCase() }), { size: 4 })}
      </div>
      <div className="toolbar">
        {field(t('profit.form.refPrice'), 'referencePricePerMinute', d.referencePricePerMinute, (v) => set({ referencePricePerMinute: v }), { inputMode: 'decimal', size: 8 })}
        {field(t('profit.form.tolerance'), 'tolerancePercent', d.tolerancePercent, (v) => set({ tolerancePercent: v }), { inputMode: 'decimal', size: 5 })}
      </div>
      <fieldset>
        <legend>{t('profit.form.kind')}</legend>
        <div className="toolbar">
          {KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name={`${id}-kind`} value={k} checked={d.kind === k} onChange={() => set({ kind: k })} /> {t(`profit.kind.${k}`)}
            </label>
          ))}
        </div>
        {d.kind === 'flat' && <div className="toolbar">{field(t('profit.form.monthlyFee'), 'terms.monthlyFee', d.monthlyFee, (v) => set({ monthlyFee: v }), { inputMode: 'decimal', size: 10 })}</div>}
        {d.kind === 'per-call' && <div className="toolbar">{field(t('profit.form.pricePerCall'), 'terms.pricePerCall', d.pricePerCall, (v) => set({ pricePerCall: v }), { inputMode: 'decimal', size: 8 })}</div>}
        {d.kind === 'cost-cap' && (
          <>
            <div className="toolbar">
              <label>
                {t('profit.form.category')}{' '}
                <select value={d.category} aria-invalid={invalid('terms.category')} onChange={(e) => set({ category: Number(e.target.value) })}>
                  {Array.from({ length: MAX_CATEGORIES }, (_, i) => <option key={i} value={i + 1}>{i + 1}</option>)}
                </select>
              </label>
            </div>
            <p className="hint">{t('profit.form.capsHint')}</p>
            <div className="toolbar">
              {d.caps.map((cap, i) => (
                <label key={i}>
                  {t('profit.form.cap', { n: i + 1 })}{' '}
                  <input value={cap} size={7} inputMode="decimal" aria-invalid={invalid(`terms.categories[${i}]`)}
                    onChange={(e) => set({ caps: d.caps.map((c, j) => (j === i ? e.target.value : c)) })} />
                </label>
              ))}
            </div>
          </>
        )}
      </fieldset>
      <div className="toolbar">
        {field(t('profit.form.contactName'), 'contact.name', d.contactName, (v) => set({ contactName: v }))}
        {field(t('profit.form.contactEmail'), 'contact.email', d.contactEmail, (v) => set({ contactEmail: v }), { inputMode: 'email' })}
      </div>
      {issues.length > 0 && (
        <div className="panel error" role="alert">
          <p>{t('profit.form.issues')}</p>
          <ul>{issues.map((i) => <li key={i.path + i.message}><code>{i.path}</code>: {issueText(i)}</li>)}</ul>
        </div>
      )}
      <div className="toolbar">
        <button type="submit">{t('profit.form.save')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('profit.form.cancel')}</button>
      </div>
    </form>
  );
};
