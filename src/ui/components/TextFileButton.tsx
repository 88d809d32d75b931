import { FileButton } from './FileButton';

type Props = {
  label: string;
  accept: string;
  onText: (fileName: string, text: string) => unknown;
  className?: string;
};

/** A FileButton that hands the chosen file's text on (plan, rules, preset, scenario and contract files). */
export const TextFileButton = ({ label, accept, onText, className }: Props) => (
  <FileButton label={label} accept={accept} className={className} onFiles={async ([file]) => onText(file.name, await file.text())} />
);
