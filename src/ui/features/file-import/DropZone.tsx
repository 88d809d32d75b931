import { useId, useRef, useState, type DragEvent } from 'react';
import { useT } from '../../i18n/use-t';

/** "Drop a usage file": drag and drop, or a real file input (keyboard and screen-reader friendly). */
export const DropZone = ({ disabled, onFile }: { disabled: boolean; onFile: (file: File) => void }) => {
  const t = useT();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
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
      <p className="hint">{t('data.drop.hint')}</p>
      <input
        ref={input}
        id={inputId}
        className="visually-hidden-input"
        type="file"
        accept=".csv,.txt,.json,text/csv,application/json"
        aria-label={t('data.drop.input')}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          if (input.current) input.current.value = '';
        }}
      />
      {/* After the input, so the input's keyboard focus ring shows on the label (CSS sibling rule). */}
      <label className="button" htmlFor={inputId} aria-disabled={disabled}>{t('data.drop.choose')}</label>
    </section>
  );
};
