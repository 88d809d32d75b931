// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/helpers/in-process-app';

afterEach(() => { cleanup(); window.location.hash = ''; });

// 6 messages in Sales, 3 in Support, 1 that reached no queue (seat plan: the driver is its `messages` meter).
const CSV = [
  'timestamp,kind,direction,contact,queue,agent',
  ...Array.from({ length: 6 }, (_, i) => `2025-01-10T12:0${i}:00Z,message,inbound,+551190000000${i},Sales,ana`),
  ...Array.from({ length: 3 }, (_, i) => `2025-01-11T12:0${i}:00Z,message,inbound,+551190000001${i},Support,bruno`),
  '2025-01-12T12:00:00Z,message,inbound,+5511900000020,,',
].join('\n') + '\n';

const openSplit = async () => {
  const app = renderApp();
  fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [new File([CSV], 'january.csv', { type: 'text/csv' })] } });
  await screen.findByTestId('import-counts', {}, { timeout: 10_000 });
  fireEvent.click(screen.getByRole('link', { name: 'Split' }));
  await screen.findByRole('heading', { name: 'Split by cost centre' });
  await screen.findByLabelText('Cost centre for Sales', {}, { timeout: 10_000 });
  return app;
};

const addCentre = (name: string) => {
  fireEvent.change(screen.getByLabelText('New cost centre'), { target: { value: name } });
  fireEvent.click(screen.getByRole('button', { name: 'Add centre' }));
};

const amountOf = (centre: string) => within(screen.getByTestId(`centre-${centre}`)).getByTestId('centre-amount').textContent;
const ratioOf = (centre: string) => within(screen.getByTestId(`centre-${centre}`)).getByTestId('centre-ratio').textContent;

describe('Split page', () => {
  it('assigns queue values to two centres; shares and the unattributed part follow each change', async () => {
    await openSplit();
    // The queue's values with their event counts.
    expect(screen.getByRole('row', { name: /Sales 6/ })).toBeTruthy();
    expect(screen.getByRole('row', { name: /Support 3/ })).toBeTruthy();

    addCentre('Sales');
    addCentre('Support');
    fireEvent.click(screen.getByRole('radio', { name: "The vendor's invoice" }));
    fireEvent.change(screen.getByLabelText('Invoice total'), { target: { value: '100' } });

    fireEvent.change(screen.getByLabelText('Cost centre for Sales'), { target: { value: 'sales' } });
    // Only Sales is assigned: Support's 3 and the unqueued 1 are unattributed, spread in proportion -> all to Sales.
    await waitFor(() => expect(amountOf('sales')).toBe('$100.00'), { timeout: 5_000 });
    expect(amountOf('support')).toBe('$0.00');
    expect(screen.getByTestId('split-unattributed').textContent).toBe('4 events matched no rule.');

    fireEvent.change(screen.getByLabelText('Cost centre for Support'), { target: { value: 'support' } });
    // 6 and 3 messages: 66.67 and 33.33; 1 event unattributed.
    await waitFor(() => expect(amountOf('support')).toBe('$33.33'), { timeout: 5_000 });
    expect(amountOf('sales')).toBe('$66.67');
    expect(ratioOf('sales')).toBe('0.666700'); // the share of the total the centre's amount is
    expect(screen.getByTestId('split-unattributed').textContent).toBe('1 events matched no rule.');

    // Kept separate, the unattributed part shows as its own centre: 60 / 30 / 10.
    fireEvent.change(screen.getByLabelText('Cost of events no rule matched'), { target: { value: 'separate' } });
    await waitFor(() => expect(amountOf('unattributed')).toBe('$10.00'), { timeout: 5_000 });
    expect([amountOf('sales'), amountOf('support')]).toEqual(['$60.00', '$30.00']);

    // Drill-down: Sales' lines with its driver units.
    fireEvent.click(screen.getByRole('button', { name: 'Details of Sales' }));
    expect(within(screen.getByTestId('details-sales')).getByText(/6 messages/)).toBeTruthy();
  });

  it('validates the invoice total as typed and splits once it is an amount', async () => {
    await openSplit();
    addCentre('Sales');
    fireEvent.change(screen.getByLabelText('Cost centre for Sales'), { target: { value: 'sales' } });
    await waitFor(() => expect(screen.getByTestId('split-total').textContent).toBe('$199.00'), { timeout: 5_000 });
    fireEvent.click(screen.getByRole('radio', { name: "The vendor's invoice" }));
    fireEvent.change(screen.getByLabelText('Invoice total'), { target: { value: '1.200,50' } });
    expect(screen.getByRole('alert').textContent).toContain('Enter an amount such as 1200.00');
    expect(screen.getByLabelText('Invoice total').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(screen.queryByTestId('split-total')).toBeNull());
    fireEvent.change(screen.getByLabelText('Invoice total'), { target: { value: '1200,50' } });
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('split-total').textContent).toBe('$1,200.50'), { timeout: 5_000 });
  });

  it('saves a named rule set, and an imported rules file with problems names each path', async () => {
    await openSplit();
    addCentre('Sales');
    fireEvent.change(screen.getByLabelText('Cost centre for Sales'), { target: { value: 'sales' } });
    fireEvent.change(screen.getByLabelText('Name of the rule set'), { target: { value: 'By queue' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    await screen.findByText('Saved "By queue".');
    expect(within(screen.getByLabelText('Open saved rules')).getByRole('option', { name: 'By queue' })).toBeTruthy();

    const bad = JSON.stringify({ format: 'tarifa.rules/1', centres: [{ id: 'a' }], rules: [{ centre: 'b', where: { queue: 'x' } }] });
    fireEvent.change(screen.getByLabelText('Import rules file…'), { target: { files: [new File([bad], 'bad.rules.json', { type: 'application/json' })] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('bad.rules.json');
    expect(alert.textContent).toContain("rules[0].centre: unknown centre 'b'");
  });
});
