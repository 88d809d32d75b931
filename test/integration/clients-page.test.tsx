// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../helpers/in-process-app';

afterEach(() => { cleanup(); window.location.hash = ''; });

// Sales: September 600 + 900 s (2 handled inbound calls) = 25 min; October 300 s = 5 min. Support: September 1200 s.
const CSV = `timestamp,kind,id,direction,queue,duration,status
2026-09-01T09:00:00Z,call,c1,inbound,Sales,600,answered
2026-09-02T09:00:00Z,call,c2,inbound,Sales,900,answered
2026-09-03T09:00:00Z,call,c3,inbound,Sales,0,no-answer
2026-09-10T09:00:00Z,call,c4,inbound,Support,1200,answered
2026-10-05T09:00:00Z,call,c5,inbound,Sales,300,answered
2026-10-30T09:00:00Z,message,m1,inbound,Sales,,delivered
`;

const openClients = async () => {
  const app = renderApp();
  fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [new File([CSV], 'calls.csv', { type: 'text/csv' })] } });
  await screen.findByTestId('import-counts', {}, { timeout: 10_000 });
  fireEvent.click(screen.getByRole('link', { name: 'Clients' }));
  await screen.findByRole('heading', { level: 1, name: 'Clients' });
  await screen.findByTestId('clients-usage', {}, { timeout: 10_000 });
  return app;
};

const fill = (label: string, value: string, within_: HTMLElement = document.body) =>
  fireEvent.change(within(within_).getByLabelText(label), { target: { value } });

describe('Clients page', () => {
  it('handled minutes per client; a losing flat-rate contract is flagged with its proposed price; an offer is drafted and marked sent', async () => {
    await openClients();
    const usage = screen.getByTestId('clients-usage');
    expect(within(usage).getByRole('row', { name: /Sales 25\.00 2 5\.00 1/ })).toBeTruthy();
    expect(within(usage).getByRole('row', { name: /Support 20\.00 1 0\.00 0/ })).toBeTruthy();

    // A reference price prices every client's work: 25 min × 0.80 = 20.00.
    fill('Reference price per minute', '0.80');
    await waitFor(() => expect(within(screen.getByTestId('clients-usage')).getByRole('row', { name: /Sales 25\.00 2 20\.00 5\.00 1 4\.00/ })).toBeTruthy());

    fireEvent.click(screen.getByRole('button', { name: 'New contract' }));
    const form = screen.getByRole('form', { name: 'New contract' });
    // A bad amount is named by its path and nothing is saved.
    fill('Contract name', 'Sales answering', form);
    fill('Client', 'Sales', form);
    fill('Currency', 'eur', form);
    fill('Reference price per minute', '0,80', form);
    fill('Monthly fee', '10', form);
    fireEvent.submit(form);
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('referencePricePerMinute');

    fill('Reference price per minute', '0.80', form);
    fireEvent.submit(form);
    await screen.findByText('Contract Sales answering saved.');

    // September: cost 20.00 against 10.00 × 1.10 = 11.00: flagged, proposal 20 rounded down to a ten.
    const check = await screen.findByRole('region', { name: 'Sales answering: Sales' });
    const sept = within(check).getByRole('row', { name: /September 2026/ });
    expect(sept.textContent).toContain('€20.00');
    expect(within(sept).getByTestId('profit-flag').textContent).toContain('Beyond tolerance');
    expect(within(sept).getByTestId('profit-proposal').textContent).toBe('€20.00 a month');
    const oct = within(check).getByRole('row', { name: /October 2026/ });
    expect(oct.textContent).toContain('OK');
    // Each number in words, under the table.
    fireEvent.click(within(check).getByText('How these numbers come about'));
    expect(within(check).getByText(/^September 2026/, { selector: 'strong' }).parentElement?.textContent).toBe(
      'September 2026: Cost: 25.00 min × €0.80 = €20.00. Revenue: the monthly fee, €10.00. Bound: €10.00 × (1 + 10 %) = €11.00. '
      + 'The cost is above the bound: flagged.');

    fireEvent.click(within(sept).getByRole('button', { name: /Draft offer/ }));
    const preview = await screen.findByTestId('offer-preview');
    expect(preview.textContent).toContain('we propose a new monthly flat rate of €20.00, from next month');
    expect(preview.textContent).toContain('up to 10 %');
    expect(screen.getByTestId('offer-legend').textContent).toContain('{0} tolerance %');

    // Edit the text: the preview follows; an unknown placeholder is reported.
    fireEvent.change(screen.getByLabelText('Offer text'), { target: { value: 'Hi {2}, {9} from now on. {42}' } });
    expect(screen.getByTestId('offer-preview').textContent).toContain('Hi Sales, €20.00 from now on. {42}');
    expect(screen.getByRole('alert').textContent).toContain('{42}');

    // Portuguese default template.
    fireEvent.change(screen.getByLabelText('Template language'), { target: { value: 'pt-BR' } });
    await waitFor(() => expect(screen.getByTestId('offer-preview').textContent).toContain('propomos uma nova mensalidade fixa de'));

    // jsdom has no clipboard: the page says so instead of failing silently.
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByTestId('offer-status').textContent).toContain('did not allow copying'));
    expect(screen.getByRole('link', { name: 'Open in mail app' }).getAttribute('href')).toMatch(/^mailto:\?subject=/);

    fireEvent.click(screen.getByRole('button', { name: 'Mark as sent' }));
    await waitFor(() => expect(screen.getByTestId('offer-status').textContent).toContain('Follow-up due'));
    const upcoming = await screen.findByTestId('tasks-upcoming');
    expect(upcoming.textContent).toContain('Follow up the offer to Sales (September 2026)');
    const due = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(Date.now() + 7 * 86_400_000);
    expect(upcoming.textContent).toContain(`due ${due}`);

    fireEvent.click(within(upcoming).getByRole('button', { name: /Mark done/ }));
    const done = await screen.findByTestId('tasks-done');
    fireEvent.click(within(done).getByRole('button', { name: /Undo/ }));
    await screen.findByTestId('tasks-upcoming');

    // Edit the contract: a fee of 25.00 covers September's 20.00, and the flag goes.
    fireEvent.click(screen.getByRole('button', { name: 'Edit Sales answering' }));
    const edit = screen.getByRole('form', { name: 'Edit contract' });
    expect((within(edit).getByLabelText('Monthly fee') as HTMLInputElement).value).toBe('10');
    fill('Monthly fee', '25', edit);
    fireEvent.submit(edit);
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Sales answering: Sales' })).getByRole('row', { name: /September 2026/ }).textContent).toContain('OK'));
    expect(screen.queryByTestId('profit-flag')).toBeNull();
  }, 60_000);

  it('contracts imported from files: per call and cost cap checks; a bad file is named by path and not saved', async () => {
    await openClients();
    const importFile = (name: string, json: unknown) =>
      fireEvent.change(screen.getByLabelText('Import contract…'), { target: { files: [new File([JSON.stringify(json)], name, { type: 'application/json' })] } });
    const base = { format: 'tarifa.contract/1', currency: 'EUR', referencePricePerMinute: '0.80', tolerancePercent: '10' };

    importFile('bad.contract.json', { ...base, name: 'Bad', client: 'Sales', terms: { kind: 'cost-cap', category: 2, categories: ['10', '5'] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bad.contract.json: terms.categories[1]');
    expect(screen.getByText('No contracts yet. Add one to check a client.')).toBeTruthy();

    // Support in September: 20 min × 0.80 = 16.00 against 1 call × 5.00 (bound 5.50): 20 / 1 × 0.80 = 16.00 per call.
    importFile('support.contract.json', { ...base, name: 'Support per call', client: 'Support', terms: { kind: 'per-call', pricePerCall: '5.00' } });
    await screen.findByText('Contract Support per call imported.');
    const perCall = await screen.findByRole('region', { name: 'Support per call: Support' });
    const sept = within(perCall).getByRole('row', { name: /September 2026/ });
    expect(within(sept).getByTestId('profit-proposal').textContent).toBe('€16.00 per call');

    // Sales in September: 25 min × 0.80 = 20.00 above the category 1 cap 10.00 (+10 % = 11.00): category 2 (cap 15.00) still short.
    importFile('sales.contract.json', { ...base, name: 'Sales cap', client: 'Sales', terms: { kind: 'cost-cap', category: 1, categories: ['10', '15', '30'] } });
    const cap = await screen.findByRole('region', { name: 'Sales cap: Sales' });
    const capSept = within(cap).getByRole('row', { name: /September 2026/ });
    expect(capSept.textContent).toContain('€10.00 (cap billed)');
    expect(within(capSept).getByTestId('profit-proposal').textContent).toBe('Category 2 (cap €15.00) (still below the cost)');
    expect(within(cap).getByRole('row', { name: /October 2026/ }).textContent).toContain('OK');

    // The exceeded cap becomes a task due today, once.
    fireEvent.click(within(capSept).getByRole('button', { name: /Add task/ }));
    const today = await screen.findByTestId('tasks-today');
    expect(today.textContent).toContain('Sales cap: Sales beyond tolerance in September 2026 (cost €20.00, bound €11.00)');
    await waitFor(() => expect(within(capSept).getByText('Task added')).toBeTruthy());

    // The cost-cap offer in Spanish names the categories.
    fireEvent.click(within(capSept).getByRole('button', { name: /Draft offer/ }));
    fireEvent.change(await screen.findByLabelText('Template language'), { target: { value: 'es' } });
    await waitFor(() => expect(screen.getByTestId('offer-preview').textContent).toContain('Le proponemos pasar a la categoría 2: 15,00'));
  }, 60_000);
});
