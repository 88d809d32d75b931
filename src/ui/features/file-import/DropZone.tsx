import { useId, useRef, useState, type DragEvent } from 'react';
import { useT } from '../../i18n/use-t';

/**
 * "Drop a usage file": drag and drop, or a real file input (keyboard and screen-reader friendly). Several files at
 * once (a month per file) go to `onFiles` together: they become one dataset.
 */
export const DropZone = ({ disabled, onFiles }: { disabled: boolean; onFiles: (files: File[]) => void }) => {
  const t = useT();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0 && !disabled) onFiles(files);
  };
  return (
    <section
      className={`panel dropzone${over ? ' over' : ''}`}
      aria-labelledby={`${inputId}-title`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 id={`${inputId}-title`}>{over ? t('data.drop.active') : t('data.drop.title')}</h2>
      <p className="hint">{t('data.drop.hint')} {t('files.drop.hint')}</p>
      <input
        ref={input}
        id={inputId}
        className="visually-hidden-input"
        type="file"
        multiple
        accept=".csv,.txt,.json,text/csv,application/json"
        aria-label={t('data.drop.input')}
        disabled={disabled}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          if (files.length > 0) onFiles(files);
          if (input.current) input.current.value = '';
        }}
      />
      {/* After the input, so the input's keyboard focus ring shows on the label (CSS sibling rule). */}
      <label className="button" htmlFor={inputId} aria-disabled={disabled}>{t('data.drop.choose')}</label>
    </section>
  );
};
