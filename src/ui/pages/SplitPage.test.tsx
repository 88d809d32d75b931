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

describe('Split page: rules on several fields', () => {
  const goSeparate = () => {
    fireEvent.click(screen.getByRole('radio', { name: "The vendor's invoice" }));
    fireEvent.change(screen.getByLabelText('Invoice total'), { target: { value: '100' } });
    fireEvent.change(screen.getByLabelText('Cost of events no rule matched'), { target: { value: 'separate' } });
  };

  it('assigns values of two fields (queue = Sales or agent = bruno), the empty value, and a rule on two fields at once', async () => {
    const { store } = await openSplit();
    addCentre('Sales');
    addCentre('Support');
    goSeparate();
    fireEvent.change(screen.getByLabelText('Cost centre for Sales'), { target: { value: 'sales' } });
    await waitFor(() => expect(amountOf('unattributed')).toBe('$40.00'), { timeout: 5_000 });

    // Another field: queue's rule stays; agent's values are listed, the empty one with a select of its own.
    fireEvent.change(screen.getByLabelText('Field'), { target: { value: 'agent' } });
    await screen.findByLabelText('Cost centre for bruno', {}, { timeout: 5_000 });
    fireEvent.change(screen.getByLabelText('Cost centre for bruno'), { target: { value: 'support' } });
    fireEvent.change(screen.getByLabelText('Cost centre for events without agent'), { target: { value: 'support' } });
    await waitFor(() => expect(amountOf('support')).toBe('$40.00'), { timeout: 5_000 });
    expect(amountOf('sales')).toBe('$60.00');
    expect(amountOf('unattributed')).toBe('$0.00');
    expect(screen.getByRole('button', { name: 'Show the values of queue' }).textContent).toBe('queue: 1 values, 0 patterns');
    expect(screen.getByRole('button', { name: 'Show the values of agent' }).textContent).toBe('agent: 2 values, 0 patterns');

    // queue = Support and agent = bruno -> Sales, tried first: Support keeps only the event without agent.
    fireEvent.change(screen.getByLabelText('Field of condition 1'), { target: { value: 'queue' } });
    fireEvent.change(screen.getByLabelText('Value of condition 1'), { target: { value: 'Support' } });
    fireEvent.change(screen.getByLabelText('Field of condition 2'), { target: { value: 'agent' } });
    fireEvent.change(screen.getByLabelText('Value of condition 2'), { target: { value: 'bruno' } });
    fireEvent.change(screen.getByLabelText('Centre of the rule'), { target: { value: 'sales' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    await waitFor(() => expect(amountOf('support')).toBe('$10.00'), { timeout: 5_000 });
    expect(amountOf('sales')).toBe('$90.00');
    expect(store.getState().splitRulesJson().rules).toEqual([
      { centre: 'sales', where: { queue: 'Support', agent: 'bruno' } },
      { centre: 'sales', where: { queue: ['Sales'] } },
      { centre: 'support', where: { agent: ['bruno', ''] } },
    ]);

    // Back to queue: its assignment is still there; removing the combined rule restores 60 / 40.
    fireEvent.click(screen.getByRole('button', { name: 'Show the values of queue' }));
    await waitFor(() => expect((screen.getByLabelText('Cost centre for Sales') as HTMLSelectElement).value).toBe('sales'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove rule queue = Support and agent = bruno' }));
    await waitFor(() => expect(amountOf('support')).toBe('$40.00'), { timeout: 5_000 });
  });

  it('opens a rules file on several fields instead of refusing it', async () => {
    await openSplit();
    const json = JSON.stringify({
      format: 'tarifa.rules/1', name: 'Two fields', centres: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }],
      rules: [{ centre: 'a', where: { queue: 'Sales', agent: 'ana' } }, { centre: 'b', where: { agent: ['bruno'] } }, { centre: 'b', where: { queue: '' } }],
      unattributed: { method: 'separate' },
    });
    fireEvent.change(screen.getByLabelText('Import rules file…'), { target: { files: [new File([json], 'two.rules.json', { type: 'application/json' })] } });
    await screen.findByText(/Imported "Two fields"/, {}, { timeout: 5_000 });
    expect(screen.getByText('queue = Sales and agent = ana')).toBeTruthy();
    // The first field with value rules is shown.
    expect((screen.getByLabelText('Field') as HTMLSelectElement).value).toBe('agent');
    fireEvent.click(screen.getByRole('radio', { name: "The vendor's invoice" }));
    fireEvent.change(screen.getByLabelText('Invoice total'), { target: { value: '100' } });
    // a: Sales and ana, 6 messages; b: bruno 3 and the one without queue.
    await waitFor(() => expect(amountOf('b')).toBe('$40.00'), { timeout: 5_000 });
    expect(amountOf('a')).toBe('$60.00');
  });
});

describe('Split page: imported columns', () => {
  it('offers the extra columns of the file as fields and splits by one', async () => {
    renderApp();
    const csv = ['timestamp,kind,direction,contact,queue,Department',
      ...Array.from({ length: 4 }, (_, i) => `2025-01-10T12:0${i}:00Z,message,inbound,+551190000000${i},Sales,${i < 3 ? 'Finance' : 'Legal'}`)].join('\n') + '\n';
    fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [new File([csv], 'dept.csv', { type: 'text/csv' })] } });
    await screen.findByTestId('import-counts', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('link', { name: 'Split' }));
    await screen.findByLabelText('Cost centre for Sales', {}, { timeout: 10_000 });
    const option = within(within(screen.getByLabelText('Field')).getByRole('group', { name: 'Imported columns' })).getByRole('option', { name: 'Department' }) as HTMLOptionElement;
    expect(option.value).toBe('col:Department');
    fireEvent.change(screen.getByLabelText('Field'), { target: { value: 'col:Department' } });
    await screen.findByRole('heading', { name: 'Values of Department' });
    expect(screen.getByRole('row', { name: /Finance 3/ })).toBeTruthy();
    addCentre('Finance');
    addCentre('Legal');
    fireEvent.click(screen.getByRole('radio', { name: "The vendor's invoice" }));
    fireEvent.change(screen.getByLabelText('Invoice total'), { target: { value: '100' } });
    fireEvent.change(screen.getByLabelText('Cost centre for Finance'), { target: { value: 'finance' } });
    fireEvent.change(screen.getByLabelText('Cost centre for Legal'), { target: { value: 'legal' } });
    await waitFor(() => expect(amountOf('legal')).toBe('$25.00'), { timeout: 5_000 });
    expect(amountOf('finance')).toBe('$75.00');
  });
});
