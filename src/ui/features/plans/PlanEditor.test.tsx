// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithServices } from '../../../../test/helpers/in-process-app';
import { PlansPage } from '../../pages/PlansPage';

afterEach(cleanup);

const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const jsonArea = () => screen.getByLabelText(/^Plan JSON/) as HTMLTextAreaElement;
const seatCharge = () => screen.getByRole('group', { name: /^Charge 2: Extra seats/ });

const openSeatCopy = async () => {
  const view = renderWithServices(<PlansPage />);
  const seat = (await screen.findByText('Seat plan')).closest('li')!;
  expect(seat.textContent).toMatch(/Basic: 5 agent seats/);
  fireEvent.click(within(seat as HTMLElement).getByRole('button', { name: 'Duplicate to edit' }));
  await screen.findByText('The plan is valid.');
  return view;
};

describe('plan editor', () => {
  it('lists the example plans with their descriptions and none of the user\'s yet', async () => {
    renderWithServices(<PlansPage />);
    const examples = await screen.findByRole('region', { name: 'Example plans' });
    await waitFor(() => expect(within(examples).getAllByRole('listitem')).toHaveLength(6));
    expect(within(examples).getByText(/Meta per-message pricing/)).toBeTruthy();
    expect(screen.getByText(/No plans of your own yet/)).toBeTruthy();
  });

  it('checks a form edit as you type, names the path, and keeps Save disabled until it is fixed', async () => {
    const { api } = await openSeatCopy();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Seat plan (copy)');
    // A new copy is valid: it can be saved.
    expect(button('Save').disabled).toBe(false);

    const price = within(seatCharge()).getByLabelText('Unit price') as HTMLInputElement;
    expect(price.value).toBe('40');
    fireEvent.change(price, { target: { value: '-5' } });
    // The JSON follows the form at once; Save waits for the check.
    expect(jsonArea().value).toContain('"unitPrice": "-5"');
    expect(button('Save').disabled).toBe(true);
    await screen.findByText('Problems to fix before saving: 1');
    expect(within(seatCharge()).getByText('charges[1].unitPrice')).toBeTruthy();
    expect(price.getAttribute('aria-invalid')).toBe('true');
    expect(button('Save').disabled).toBe(true);

    fireEvent.change(price, { target: { value: '55' } });
    await screen.findByText('The plan is valid.');
    expect(button('Save').disabled).toBe(false);
    await act(async () => { fireEvent.click(button('Save')); });
    await screen.findByText('Saved. The plan is valid.');
    const saved = await api.listPlans();
    expect(saved.map((p) => p.name)).toEqual(['Seat plan (copy)']);
    expect((saved[0].json as { charges: { unitPrice?: string }[] }).charges[1].unitPrice).toBe('55');
  });

  it('updates the form from the JSON, and shows JSON syntax errors with their line', async () => {
    await openSeatCopy();
    fireEvent.change(jsonArea(), { target: { value: jsonArea().value.replace('"Seat plan (copy)"', '"Renamed"').replace('"packageSize": 1000', '"packageSize": 0') } });
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Renamed');
    expect((within(screen.getByRole('group', { name: /^Charge 3/ })).getByLabelText('Package size') as HTMLInputElement).value).toBe('0');
    await screen.findByText('Problems to fix before saving: 1');
    expect(screen.getAllByText('charges[2].packageSize').length).toBeGreaterThan(0);

    fireEvent.change(jsonArea(), { target: { value: jsonArea().value.replace('"Renamed",', '"Renamed"') } });
    await screen.findByText(/not valid JSON/);
    expect(screen.getByText(/line \d+ column \d+/)).toBeTruthy();
    expect(screen.getByText(/The form comes back when the JSON is readable again/)).toBeTruthy();
    expect(button('Save').disabled).toBe(true);
  });

  it('edits tiers of a graduated charge in the form', async () => {
    await openSeatCopy();
    fireEvent.change(within(seatCharge()).getByLabelText('Pricing'), { target: { value: 'graduated' } });
    const json = () => JSON.parse(jsonArea().value) as { charges: { model: string; tiers?: { upTo: number | null }[] }[] };
    expect(json().charges[1]).toMatchObject({ model: 'graduated', meter: 'agents', freeUnits: 5, tiers: [{ upTo: 1000 }, { upTo: null }] });
    fireEvent.change(screen.getByLabelText('Tier 1 up to'), { target: { value: '' } });
    expect(json().charges[1].tiers?.[0].upTo).toBeNull();
    await screen.findByText('Problems to fix before saving: 1');
    expect(screen.getAllByText('charges[1].tiers[0].upTo').length).toBeGreaterThan(0);
  });
});
