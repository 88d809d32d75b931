import { SPLIT_FIELDS } from '../../../state/split-model';
import { useT } from '../../i18n/use-t';

/** The fields a rule can match, as <option>s: the event fields, then the dataset's imported columns (col:<header>). */
export const FieldOptions = ({ extraFields }: { extraFields: readonly string[] }) => {
  const t = useT();
  return (
    <>
      <optgroup label={t('people.split.standardGroup')}>
        {SPLIT_FIELDS.map((f) => <option key={f} value={f}>{f}</option>)}
      </optgroup>
      {extraFields.length > 0 && (
        <optgroup label={t('people.split.extraGroup')}>
          {extraFields.map((f) => <option key={f} value={f}>{f.slice('col:'.length)}</option>)}
        </optgroup>
      )}
    </>
  );
};
