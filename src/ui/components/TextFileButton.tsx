import { useId } from 'react';

type Props = {
  label: string;
  accept: string;
  onText: (fileName: string, text: string) => unknown;
  className?: string;
};

/**
 * A button that opens the file picker and hands the chosen file's text on. The real input stays in the tab order
 * (visually hidden, before its label, so its keyboard focus ring shows on the label: see styles.css).
 */
export const TextFileButton = ({ label, accept, onText, className = 'button secondary' }: Props) => {
  const id = useId();
  return (
    <span className="file-button">
      <input
        id={id}
        className="visually-hidden-input"
        type="file"
        accept={accept}
        aria-label={label}
        onChange={async (e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (file) await onText(file.name, await file.text());
          input.value = '';
        }}
      />
      <label className={className} htmlFor={id}>{label}</label>
    </span>
  );
};
