// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithServices } from '../../../test/helpers/in-process-app';
import { FailureBox } from './FailureBox';

afterEach(cleanup);

/** The split rules editor and the other pages show a worker failure's issues here: each in the user's language. */
describe('FailureBox issues in the user language', () => {
  it('says the issues of rules refused by the real worker in Spanish, by path', async () => {
    const { api } = renderWithServices(<span />);
    const saved = await api.saveRules({
      format: 'tarifa.rules/1', centres: [{ id: 'sales' }, { id: 'sales' }], rules: [{ centre: 'ops' }], colour: 'red',
    });
    if (saved.ok) throw new Error('expected the rules to be refused');
    cleanup();
    const view = renderWithServices(<FailureBox failure={saved.error} />);
    act(() => view.store.getState().setLocale('es'));
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual(["colour: campo desconocido 'colour'"]);

    const fixed = await api.saveRules({ format: 'tarifa.rules/1', centres: [{ id: 'sales' }, { id: 'sales' }], rules: [{ centre: 'ops' }] });
    if (fixed.ok) throw new Error('expected the rules to be refused');
    cleanup();
    const again = renderWithServices(<FailureBox failure={fixed.error} />);
    act(() => again.store.getState().setLocale('es'));
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      "centres[1].id: id de centro repetido 'sales' (también en centres[0])",
      "rules[0].centre: centro desconocido 'ops' (centros: sales)",
    ]);
    act(() => again.store.getState().setLocale('en'));
    expect(screen.getAllByRole('listitem')[1].textContent).toBe("rules[0].centre: unknown centre 'ops' (centres: sales)");
  });
});
