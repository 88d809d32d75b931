// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureFile, renderWithServices } from '../../../../test/helpers/in-process-app';
import { PlansPage } from '../../pages/PlansPage';
import { quarterStart } from './RateCardImport';

afterEach(cleanup);

const jsonArea = () => screen.getByLabelText(/^Plan JSON/) as HTMLTextAreaElement;
type PlanJson = { meters: Record<string, { type: string }>; charges: { id: string; cards?: { effectiveFrom: string; rates: Record<string, string> }[] }[] };
const json = () => JSON.parse(jsonArea().value) as PlanJson;

const openNewPlan = async () => {
  const view = renderWithServices(<PlansPage />);
  fireEvent.click(await screen.findByRole('button', { name: 'New plan' }));
  await screen.findByText('The plan is valid.');
  fireEvent.click(screen.getByRole('button', { name: 'Import a Meta rate card (CSV)…' }));
  return view;
};

const importCard = async (fixture: string, date: string, charge?: string) => {
  const panel = screen.getByRole('group', { name: 'Import a Meta rate card (CSV)' });
  fireEvent.change(within(panel).getByLabelText('In force from'), { target: { value: date } });
  if (charge !== undefined) fireEvent.change(within(panel).getByLabelText('Put it into'), { target: { value: charge } });
  await act(async () => {
    fireEvent.change(within(panel).getByLabelText('Rate-card CSV'), { target: { files: [fixtureFile(`rate-cards/${fixture}`)] } });
  });
  return panel;
};

describe('rate-card import in the plan editor', () => {
  it('defaults the date to the first day of the quarter', () => {
    expect(quarterStart(new Date(2026, 10, 22))).toBe('2026-10-01');
    expect(quarterStart(new Date(2026, 0, 1))).toBe('2026-01-01');
  });

  it('adds the fixture card to a new charge on a new whatsapp meter, then a second dated card', async () => {
    await openNewPlan();
    const panel = await importCard('meta-pricing-usd-2026-10-01.csv', '2026-09-01');
    await within(panel).findByText('Read 9 markets, rates in USD.');
    await act(async () => { fireEvent.click(within(panel).getByRole('button', { name: 'Add the card to the plan' })); });
    await screen.findByText(/Added the card from .*meta-pricing-usd-2026-10-01.csv, in force from 2026-09-01/);
    expect(json().meters.whatsapp).toEqual({ type: 'whatsapp-pmp' });
    expect(jsonArea().value).toContain('"BR:marketing": "0.0625"');
    expect(json().charges.find((c) => c.id === 'meta-rate-card')?.cards).toHaveLength(1);
    await screen.findByText('The plan is valid.');

    // The new charge is now offered; a later date adds a second card to it.
    await importCard('meta-pricing-usd-2026-10-01.csv', '2026-10-01', 'meta-rate-card');
    await act(async () => { fireEvent.click(within(panel).getByRole('button', { name: 'Add the card to the plan' })); });
    await screen.findByText(/in force from 2026-10-01/);
    const cards = json().charges.find((c) => c.id === 'meta-rate-card')?.cards;
    expect(cards?.map((c) => c.effectiveFrom)).toEqual(['2026-09-01', '2026-10-01']);
    expect(json().charges.filter((c) => c.id.startsWith('meta-rate-card'))).toHaveLength(1);
    await screen.findByText('The plan is valid.');
  });

  it('lists the broken file\'s problems with their lines and adds the rest only when asked', async () => {
    await openNewPlan();
    const panel = await importCard('meta-pricing-broken.csv', '2026-09-01');
    const list = await within(panel).findByRole('list', { name: 'Problems in the rate-card file' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent ?? '');
    expect(items.length).toBeGreaterThan(3);
    expect(items.every((text) => /^Line \d+/.test(text))).toBe(true);
    expect(items.some((text) => text.startsWith('Line 5'))).toBe(true);
    expect(jsonArea().value).not.toContain('rate-card');
    await act(async () => { fireEvent.click(within(panel).getByRole('button', { name: 'Add the card without the rows with problems' })); });
    await screen.findByText(/Added the card from .*meta-pricing-broken.csv/);
    expect(jsonArea().value).toContain('"BR:marketing": "0.0625"');
  });
});
