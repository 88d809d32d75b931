// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithServices } from '../../../test/helpers/in-process-app';
import { FailureBox } from './FailureBox';

afterEach(cleanup);

describe('FailureBox', () => {
  it("says the worker's own message in the user's language (pt-BR), keeping the issues by path", async () => {
    const { api } = renderWithServices(<span />);
    const saved = await api.saveScenario({ format: 'tarifa.scenario/1', name: '' });
    expect(saved.ok).toBe(false);
    if (saved.ok) return;
    cleanup();
    const view = renderWithServices(<FailureBox failure={saved.error} message={saved.error.message} />);
    act(() => view.store.getState().setLocale('pt-BR'));
    const box = screen.getByRole('alert');
    expect(box.querySelector('p')!.textContent).toBe(`Problemas no cenário: ${saved.error.issues!.length}.`);
    expect(box.querySelectorAll('li').length).toBe(saved.error.issues!.length);
  });

  it("a not-found failure names what went; a caller's own sentence is shown as given", () => {
    const view = renderWithServices(<FailureBox failure={{ code: 'not-found', message: 'These rules no longer exist.' }} />);
    act(() => view.store.getState().setLocale('pt-BR'));
    expect(screen.getByRole('alert').textContent).toBe('Estas regras não existem mais.');
    cleanup();
    renderWithServices(<FailureBox failure={{ code: 'invalid-plan', message: 'The plan has 1 problem.' }} message="Fix the plan first." />);
    expect(screen.getByRole('alert').textContent).toBe('Fix the plan first.');
  });
});
