import type { FilePreview } from '../../../worker/types';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/use-t';
import { FIELDS } from './draft';

type Props = {
  preview: FilePreview;
  /** The columns' names: the header's cells, or positions for a file without a header. */
  names: string[];
  fieldOf: string[];
  onChange: (col: number, field: string) => void;
};

const example = (preview: FilePreview, col: number): string => preview.rows.find((r) => (r.cells[col] ?? '').trim() !== '')?.cells[col] ?? '';

/** One row per column of the file: its name, an example value, and the field it feeds (a labelled select). */
export const ColumnFields = ({ preview, names, fieldOf, onChange }: Props) => {
  const t = useT();
  const suggested = preview.suggestion.columns as Record<string, string | undefined>;
  return (
    <section aria-labelledby="mapping-columns-title">
      <h3 id="mapping-columns-title">{t('mapping.columns.title')}</h3>
      {!fieldOf.includes('timestamp') && <p className="field-error" role="alert">{t('mapping.columns.required')}</p>}
      <div className="table-wide">
        <table className="mapping-columns">
          <thead>
            <tr>
              <th scope="col">{t('mapping.columns.column')}</th>
              <th scope="col">{t('mapping.columns.example')}</th>
              <th scope="col">{t('mapping.columns.field')}</th>
            </tr>
          </thead>
          <tbody>
            {names.map((column, col) => {
              const field = fieldOf[col] ?? '';
              const isSuggested = field !== '' && suggested[field] === column;
              return (
                <tr key={`${col}:${column}`}>
                  <th scope="row">{column}</th>
                  <td><code>{example(preview, col)}</code></td>
                  <td>
                    <select aria-label={t('mapping.columns.fieldOf', { column })} value={field} onChange={(e) => onChange(col, e.target.value)}>
                      <option value="">{t('mapping.columns.none')}</option>
                      {FIELDS.map((f) => <option key={f} value={f}>{t(`mapping.field.${f}` as MessageKey)}</option>)}
                    </select>
                    {isSuggested && <> <span className="badge">{t('mapping.columns.suggested')}</span></>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
};
