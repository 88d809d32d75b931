import type { Failure, MappingPreview } from '../../../worker/types';
import { failureText, rejectReason } from '../../i18n/explain';
import { useT } from '../../i18n/use-t';

type Props = {
  preview: MappingPreview | null;
  error: Failure | null;
  checking: boolean;
  /** Event fields to show besides the timestamp (the mapped ones, and country when derived). */
  fields: string[];
};

const shown = (v: string | number | undefined): string => (v === undefined || v === '' ? '' : String(v));

/** The first events the mapping makes of the file, and the rows it would reject (line, reason, row as written). */
export const MappingPreviewPanel = ({ preview, error, checking, fields }: Props) => {
  const t = useT();
  return (
    <section aria-labelledby="mapping-preview-title" aria-busy={checking}>
      <h3 id="mapping-preview-title">{t('mapping.preview.title')}</h3>
      {checking && <p className="hint" role="status">{t('mapping.preview.checking')}</p>}
      {error && error.code !== 'invalid-preset' && (
        <p className="field-error" role="alert">{t('mapping.preview.failed', { message: failureText(error, t) })}</p>
      )}
      {preview && !error && (
        <>
          <p data-testid="mapping-preview-counts">
            {t('mapping.preview.counts', {
              read: preview.counts.rowsRead, imported: preview.counts.imported, rejected: preview.counts.rejected,
              duplicates: preview.counts.duplicates, summary: preview.counts.summaryRows,
            })}
          </p>
          {preview.partial && <p className="hint">{t('mapping.preview.partial')}</p>}
          <h4>{t('mapping.preview.events')}</h4>
          {preview.events.length === 0 ? <p className="hint">{t('mapping.preview.noEvents')}</p> : (
            <div className="table-wide table-scroll">
              <table className="events" aria-label={t('mapping.preview.events')}>
                <thead><tr><th scope="col">timestamp (UTC)</th>{fields.map((f) => <th key={f} scope="col">{f}</th>)}</tr></thead>
                <tbody>
                  {preview.events.map((e) => (
                    <tr key={String(e.index)}>
                      <td className="nowrap">{shown(e.timestamp)}</td>
                      {fields.map((f) => <td key={f}>{shown(e[f])}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {preview.rejects.length > 0 && (
            <>
              <h4>{t('mapping.preview.errors')}</h4>
              <div className="table-wide">
                <table className="rejects" aria-label={t('mapping.preview.errors')}>
                  <thead>
                    <tr>
                      <th scope="col">{t('mapping.preview.line')}</th>
                      <th scope="col">{t('mapping.preview.reason')}</th>
                      <th scope="col">{t('mapping.preview.raw')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.rejects.map((r) => (
                      <tr key={r.line}><td className="num">{r.line}</td><td>{rejectReason(r.reason, t)}</td><td><code>{r.raw}</code></td></tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
};
