import { failureText } from '../i18n/explain';
import { useIssueText } from '../i18n/issue-text';
import { useT } from '../i18n/use-t';
import type { Failure } from '../../worker/types';

/**
 * A failure from the worker: a sentence, then each issue by the path of the field at fault. A `message` that is the
 * worker's own (English) one, or none, is said in the user's language (failureText); any other is shown as given.
 */
export const FailureBox = ({ failure, message }: { failure: Failure; message?: string }) => {
  const t = useT();
  const issueText = useIssueText();
  const text = message === undefined || message === failure.message ? failureText(failure, t) : message;
  return (
    <div className="panel error" role="alert">
      <p>{text}</p>
      {failure.issues && <ul>{failure.issues.map((i) => <li key={i.path + i.message}><code>{i.path}</code>: {issueText(i)}</li>)}</ul>}
    </div>
  );
};
