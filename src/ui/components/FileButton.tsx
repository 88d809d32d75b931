import { useId } from 'react';

type Props = {
  /** The button's visible text. */
  label: string;
  /** The input's accessible name when it should say more than the button (e.g. which dataset); default `label`. */
  inputLabel?: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => unknown;
  className?: string;
};

/**
 * A button that opens the file picker and hands the chosen files on. The real input stays in the tab order (visually
 * hidden, before its label, so its keyboard focus ring shows on the label: see styles.css) and is cleared after each
 * choice, so choosing the same file again is noticed.
 */
export const FileButton = ({ label, inputLabel, accept, multiple = false, disabled = false, onFiles, className = 'button secondary' }: Props) => {
  const id = useId();
  return (
    <span className="file-button">
      <input
        id={id}
        className="visually-hidden-input"
        type="file"
        accept={accept}
        multiple={multiple}
        aria-label={inputLabel ?? label}
        disabled={disabled}
        onChange={async (e) => {
          const input = e.currentTarget;
          const files = Array.from(input.files ?? []);
          input.value = '';
          if (files.length > 0) await onFiles(files);
        }}
      />
      <label className={className} htmlFor={id} aria-disabled={disabled || undefined}>{label}</label>
    </span>
  );
};
