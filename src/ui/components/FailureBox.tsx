import type { Failure } from '../../worker/types';

/** A failure from the worker: a sentence, then each issue by the path of the field at fault. */
export const FailureBox = ({ failure, message }: { failure: Failure; message: string }) => (
  <div className="panel error" role="alert">
    <p>{message}</p>
    {failure.issues && <ul>{failure.issues.map((i) => <li key={i.path + i.message}><code>{i.path}</code>: {i.message}</li>)}</ul>}
  </div>
);
