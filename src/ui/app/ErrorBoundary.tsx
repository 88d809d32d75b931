import { Component, type ReactNode } from 'react';

type Props = { title: string; reloadLabel: string; children: ReactNode };
type State = { error: Error | null };

/** Last line of defence: a render error shows a message and a reload button instead of a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };
  static getDerivedStateFromError(error: Error): State {
    return { error };
  }
  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="panel error">
        <h2>{this.props.title}</h2>
        <p>{this.state.error.message}</p>
        <button type="button" onClick={() => window.location.reload()}>{this.props.reloadLabel}</button>
      </div>
    );
  }
}
