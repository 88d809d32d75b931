import { useId, useRef } from 'react';
import { useT } from '../../i18n/use-t';

/** The plan's JSON in a textarea with a line-number gutter that scrolls with it. */
export const JsonView = ({ text, invalid, describedBy, onChange }: { text: string; invalid: boolean; describedBy?: string; onChange: (text: string) => void }) => {
  const t = useT();
  const id = useId();
  const gutter = useRef<HTMLPreElement>(null);
  const lines = text.split('\n').length;
  return (
    <div className="json-view">
      <label htmlFor={id}>{t('plans.editor.json')}</label>
      <div className="json-frame">
        <pre className="json-gutter" aria-hidden="true" ref={gutter}>
          {Array.from({ length: lines }, (_, i) => `${i + 1}\n`).join('')}
        </pre>
        <textarea
          id={id}
          value={text}
          spellCheck={false}
          wrap="off"
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => { if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop; }}
        />
      </div>
    </div>
  );
};
