import type { FilePreview } from '../../../worker/types';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/use-t';
import { columnOf, VALUE_MAP_FIELDS } from './draft';
import type { Draft, ValueMapField } from './draft';

type Props = {
  preview: FilePreview;
  names: string[];
  draft: Draft;
  onChange: (field: ValueMapField, raw: string, value: string) => void;
};

/** For each mapped field with a vocabulary (direction, kind, status…): the texts of its column and what each means. */
export const ValueMaps = ({ preview, names, draft, onChange }: Props) => {
  const t = useT();
  const shown = VALUE_MAP_FIELDS.map((field) => ({ field, col: columnOf(draft, field) }))
    .filter(({ col }) => col >= 0 && (preview.columnValues[col]?.values.length ?? 0) > 0);
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map(({ field, col }) => {
        const cv = preview.columnValues[col];
        const map = draft.values[field] ?? {};
        const fieldName = t(`mapping.field.${field}` as MessageKey);
        const id = `mapping-values-${field}`;
        return (
          <section key={field} aria-labelledby={id}>
            <h3 id={id}>{t('mapping.values.title', { field: fieldName, column: names[col] })}</h3>
            <p className="hint">{t('mapping.values.hint')}</p>
            <table className="mapping-values">
              <thead><tr><th scope="col">{t('mapping.values.raw')}</th><th scope="col">{t('mapping.values.as')}</th></tr></thead>
              <tbody>
                {cv.values.map((raw, i) => {
                  const usual = cv.reads[field]?.[i] ?? '';
                  const label = t('mapping.values.asOf', { field, value: raw });
                  const value = map[raw] ?? '';
                  return (
                    <tr key={raw}>
                      <th scope="row"><code>{raw}</code></th>
                      <td>
                        {field === 'direction' ? (
                          <select aria-label={label} value={value} onChange={(e) => onChange(field, raw, e.target.value)}>
                            <option value="">{usual === '' ? t('mapping.values.unset') : t('mapping.values.usual', { value: usual })}</option>
                            <option value="inbound">inbound</option>
                            <option value="outbound">outbound</option>
                          </select>
                        ) : field === 'entry_point' ? (
                          <select aria-label={label} value={value} onChange={(e) => onChange(field, raw, e.target.value)}>
                            <option value="">{t('mapping.values.usual', { value: usual === '' ? '—' : usual })}</option>
                            <option value="true">true</option>
                          </select>
                        ) : (
                          <input aria-label={label} value={value} placeholder={t('mapping.values.usual', { value: usual })}
                            onChange={(e) => onChange(field, raw, e.target.value)} />
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
};
