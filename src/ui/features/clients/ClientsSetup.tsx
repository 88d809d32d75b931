import { useEffect, useState } from 'react';
import { isDecimalString } from '../../../engine/money';
import { useAppStore } from '../../app/store-context';
import { useT } from '../../i18n/use-t';
import { DatasetSelect } from '../datasets/DatasetSelect';

/** Fields that usually name a client. */
export const CLIENT_FIELD_CHOICES = ['queue', 'cost_centre', 'channel', 'team', 'agent', 'bot', 'entry_point'] as const;

/** Dataset, how clients are defined (a field's values or a saved rule set's centres), periods and a reference price. */
export const ClientsSetup = () => {
  const t = useT();
  const def = useAppStore((s) => s.clientsDef);
  const period = useAppStore((s) => s.clientsPeriod);
  const price = useAppStore((s) => s.clientsPrice);
  const ruleSets = useAppStore((s) => s.clientRuleSets);
  const setDef = useAppStore((s) => s.setClientsDef);
  const setPeriod = useAppStore((s) => s.setClientsPeriod);
  const setPrice = useAppStore((s) => s.setClientsPrice);
  const [priceText, setPriceText] = useState(price);
  const [anchorText, setAnchorText] = useState(period.kind === 'cycle' ? String(period.anchorDay) : '1');
  useEffect(() => setPriceText(price), [price]);

  const defValue = def.kind === 'field' ? `field:${def.field}` : `rules:${def.rulesId}`;
  const priceOk = priceText.trim() === '' || isDecimalString(priceText.trim());
  const anchor = Number(anchorText);
  const anchorOk = Number.isInteger(anchor) && anchor >= 1 && anchor <= 28;

  return (
    <div className="toolbar no-print">
      <DatasetSelect />
      <label>
        {t('profit.def.label')}{' '}
        <select
          value={defValue}
          onChange={(e) => {
            const [kind, ...rest] = e.target.value.split(':');
            const v = rest.join(':');
            void setDef(kind === 'rules' ? { kind: 'rules', rulesId: v } : { kind: 'field', field: v });
          }}
        >
          {CLIENT_FIELD_CHOICES.map((f) => <option key={f} value={`field:${f}`}>{t('profit.def.field', { field: f })}</option>)}
          {ruleSets.map((r) => <option key={r.id} value={`rules:${r.id}`}>{t('profit.def.rules', { name: r.name })}</option>)}
        </select>
      </label>
      <label>
        {t('profit.period.label')}{' '}
        <select
          value={period.kind}
          onChange={(e) => void setPeriod(e.target.value === 'cycle' ? { kind: 'cycle', anchorDay: anchorOk ? anchor : 1 } : { kind: 'month' })}
        >
          <option value="month">{t('profit.period.month')}</option>
          <option value="cycle">{t('profit.period.cycle')}</option>
        </select>
      </label>
      {period.kind === 'cycle' && (
        <label>
          {t('profit.period.anchor')}{' '}
          <input
            type="number" min={1} max={28} size={3} value={anchorText} aria-invalid={!anchorOk}
            onChange={(e) => {
              setAnchorText(e.target.value);
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 1 && n <= 28) void setPeriod({ kind: 'cycle', anchorDay: n });
            }}
          />
        </label>
      )}
      <label>
        {t('profit.price.label')}{' '}
        <input
          inputMode="decimal" size={8} value={priceText} aria-invalid={!priceOk} aria-describedby="profit-price-hint"
          onChange={(e) => {
            setPriceText(e.target.value);
            const v = e.target.value.trim();
            if (v === '' || isDecimalString(v)) void setPrice(v);
          }}
        />
      </label>
      <span id="profit-price-hint" className="hint">{priceOk ? t('profit.price.hint') : <span role="alert">{t('profit.price.invalid')}</span>}</span>
    </div>
  );
};
