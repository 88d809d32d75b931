// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithServices } from '../../../../test/helpers/in-process-app';
import { translate } from '../../i18n/i18n';
import { PlansPage } from '../../pages/PlansPage';

afterEach(cleanup);

/** The plan editor's issues in the user's language (issue #7): by code, the English message kept for the CLI. */
describe('plan editor issues in Portuguese', () => {
  it('says a negative unit price in pt-BR and es (English as the CLI says it), and the kinds of zod from the JSON view', async () => {
    const view = renderWithServices(<PlansPage />);
    const seat = (await screen.findByText('Seat plan')).closest('li')!;
    fireEvent.click(within(seat as HTMLElement).getByRole('button', { name: 'Duplicate to edit' }));
    await screen.findByText('The plan is valid.');
    act(() => view.store.getState().setLocale('pt-BR'));
    await screen.findByText(translate('pt-BR', 'plans.editor.valid'));

    const charge = screen.getByRole('group', { name: /Extra seats/ });
    const price = within(charge).getByLabelText(translate('pt-BR', 'plans.form.unitPrice')) as HTMLInputElement;
    fireEvent.change(price, { target: { value: '-5' } });
    const issue = await within(charge).findByText('charges[1].unitPrice');
    expect(issue.closest('li')!.textContent).toBe('charges[1].unitPrice: não pode ser negativo');
    expect(price.getAttribute('aria-invalid')).toBe('true');

    // The same issue in English is the validator's own message, as the CLI prints it.
    act(() => view.store.getState().setLocale('en'));
    expect(within(charge).getByText('charges[1].unitPrice').closest('li')!.textContent).toBe('charges[1].unitPrice: must not be negative');

    act(() => view.store.getState().setLocale('es'));
    expect(within(charge).getByText('charges[1].unitPrice').closest('li')!.textContent).toBe('charges[1].unitPrice: no puede ser negativo');

    // Zod's kinds through the JSON view: a bound, a type and an unknown field, each in pt-BR (the negative price still there).
    act(() => view.store.getState().setLocale('pt-BR'));
    const json = screen.getByLabelText(translate('pt-BR', 'plans.editor.json')) as HTMLTextAreaElement;
    const plan = JSON.parse(json.value) as Record<string, unknown>;
    fireEvent.change(json, { target: { value: JSON.stringify({ ...plan, cycle: { anchorDay: 40, timeZone: 'UTC' }, currency: 7, colour: 'red' }, null, 2) } });
    await screen.findByText(translate('pt-BR', 'plans.editor.problems', { count: 4 }));
    const said = (path: string) => screen.getAllByText(path).map((c) => c.closest('li')!.textContent);
    expect(said('cycle.anchorDay')).toContain('cycle.anchorDay: precisa ser no máximo 28');
    expect(said('currency')).toContain('currency: precisa ser um texto, não o número 7');
    expect(said('colour')).toContain("colour: campo desconhecido 'colour'");
  });
});
