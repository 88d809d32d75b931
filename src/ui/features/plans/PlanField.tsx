import { useEffect, useId, useState, type ReactNode } from 'react';
import { formatPath } from '../../../engine/plan/issues';
import type { PlanIssue } from '../../../worker/types';
import { useIssueText } from '../../i18n/issue-text';
import { numberFromText, textOf, type Key } from './plan-edit';

/** The issues reported exactly at `path` or inside a list there (`meters.a.of` also shows `meters.a.of[0]`). */
export const issuesAt = (issues: readonly PlanIssue[], path: readonly Key[]): PlanIssue[] => {
  const p = formatPath(path);
  return issues.filter((i) => i.path === p || i.path.startsWith(`${p}[`));
};

export const IssueList = ({ id, issues }: { id?: string; issues: readonly PlanIssue[] }) => {
  const issueText = useIssueText();
  return issues.length === 0 ? null : (
    <ul className="field-issues" id={id}>
      {issues.map((i) => <li key={i.path + i.message}><code>{i.path}</code>: {issueText(i)}</li>)}
    </ul>
  );
};

type FieldProps = {
  label: string;
  path: readonly Key[];
  issues: readonly PlanIssue[];
  className?: string;
  children: (p: { id: string; invalid: boolean; describedBy?: string }) => ReactNode;
};

/** A labelled control with the plan issues at its path under it. */
export const Field = ({ label, path, issues, className, children }: FieldProps) => {
  const id = useId();
  const mine = issuesAt(issues, path);
  const describedBy = mine.length > 0 ? `${id}-issues` : undefined;
  return (
    <div className={`plan-field${className ? ` ${className}` : ''}${mine.length > 0 ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, invalid: mine.length > 0, describedBy })}
      <IssueList id={describedBy} issues={mine} />
    </div>
  );
};

type TextProps = Omit<FieldProps, 'children'> & {
  value: unknown;
  /** Empty text removes the key (the plan's default applies). */
  optional?: boolean;
  onChange: (value: unknown) => void;
  inputMode?: 'decimal' | 'numeric' | 'text';
  placeholder?: string;
};

/** Text kept as a string (names, decimal amounts such as "12.50"). */
export const TextField = ({ value, optional, onChange, inputMode, placeholder, ...field }: TextProps) => (
  <Field {...field}>
    {({ id, invalid, describedBy }) => (
      <input id={id} type="text" inputMode={inputMode} placeholder={placeholder} value={textOf(value)} aria-invalid={invalid || undefined}
        aria-describedby={describedBy} onChange={(e) => onChange(optional && e.target.value === '' ? undefined : e.target.value)} />
    )}
  </Field>
);

/**
 * A number (empty gives `emptyValue`: undefined removes the key). The typed text is kept while it means the same number ("1." while typing "1.5"); text that is no number
 * goes into the plan as text, so the worker's check names the field.
 */
export const NumberField = ({ value, onChange, placeholder, emptyValue, ...field }: Omit<TextProps, 'optional' | 'inputMode'> & { emptyValue?: unknown }) => {
  const [text, setText] = useState(textOf(value));
  useEffect(() => {
    setText((current) => (numberFromText(current) === (value ?? undefined) || (current === '' && value === emptyValue) ? current : textOf(value)));
  }, [value, emptyValue]);
  return (
    <Field {...field}>
      {({ id, invalid, describedBy }) => (
        <input id={id} type="text" inputMode="decimal" placeholder={placeholder} value={text} aria-invalid={invalid || undefined}
          aria-describedby={describedBy} onChange={(e) => {
            setText(e.target.value);
            const v = numberFromText(e.target.value);
            onChange(v === undefined ? emptyValue : v);
          }} />
      )}
    </Field>
  );
};
