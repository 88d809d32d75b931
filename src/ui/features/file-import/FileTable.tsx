import type { FileReport } from '../../../worker/types';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

type Counts = { rowsRead: number; imported: number; rejected: number; duplicates: number };

/** Each file of an import job with its own accounting (or where it already is), and the job's total. */
export const FileTable = ({ files, total }: { files: FileReport[]; total?: Counts }) => {
  const t = useT();
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale, 0);
  return (
    <table className="files" data-testid="import-files" aria-label={t('files.summary.table')}>
      <thead>
        <tr>
          <th scope="col">{t('files.summary.file')}</th>
          <th scope="col">{t('files.summary.status')}</th>
          <th scope="col" className="num">{t('files.summary.read')}</th>
          <th scope="col" className="num">{t('files.summary.imported')}</th>
          <th scope="col" className="num">{t('files.summary.rejected')}</th>
          <th scope="col" className="num">{t('files.summary.duplicates')}</th>
        </tr>
      </thead>
      <tbody>
        {files.map((f, i) => (
          <tr key={`${i}:${f.name}`} data-status={f.status}>
            <th scope="row">{f.name}</th>
            <td>{f.status === 'imported' ? t('files.status.imported')
              : t('files.status.already', { dataset: f.alreadyIn?.dataset ?? '', file: f.alreadyIn?.file ?? '' })}</td>
            <td className="num">{n(f.rowsRead)}</td>
            <td className="num">{n(f.imported)}</td>
            <td className="num">{n(f.rejected)}</td>
            <td className="num">{n(f.duplicates)}</td>
          </tr>
        ))}
      </tbody>
      {total && (
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>{t('files.summary.total')}</th>
            <td className="num">{n(total.rowsRead)}</td>
            <td className="num">{n(total.imported)}</td>
            <td className="num">{n(total.rejected)}</td>
            <td className="num">{n(total.duplicates)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
};
