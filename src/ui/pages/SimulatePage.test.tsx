// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/helpers/in-process-app';

afterEach(() => { cleanup(); window.location.hash = ''; });

// 30 contacts, two messages each, in January 2025, one agent: the seat plan bills its base fee (199.00); Genesys
// bills 30 conversations × 0.10 = 3.00.
const CSV = [
  'timestamp,kind,direction,contact,channel,agent',
  ...Array.from({ length: 30 }, (_, i) => [
    `2025-01-${String(1 + i).padStart(2, '0')}T12:00:00Z,message,inbound,+55119000000${String(i).padStart(2, '0')},+551140000000,ana`,
    `2025-01-${String(1 + i).padStart(2, '0')}T12:05:00Z,message,outbound,+55119000000${String(i).padStart(2, '0')},+551140000000,ana`,
  ]).flat(),
].join('\n') + '\n';

const total = (i: number) => screen.getByTestId(`sim-total-${i}`).textContent;

describe('Simulate page', () => {
  it('compares two shipped plans, re-prices on a knob, projects TCO and ROI, saves and duplicates the scenario', async () => {
    renderApp();
    fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [new File([CSV], 'january.csv', { type: 'text/csv' })] } });
    await screen.findByTestId('import-counts', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('link', { name: 'Simulate' }));
    await screen.findByRole('heading', { name: 'Simulate', level: 1 });

    const plans = screen.getByRole('group', { name: 'Plans to compare' });
    fireEvent.click(await within(plans).findByRole('checkbox', { name: /WhatsApp per-message/ }));
    fireEvent.click(within(plans).getByRole('checkbox', { name: 'Genesys Cloud messaging per conversation' }));

    await waitFor(() => expect(screen.getAllByRole('columnheader', { name: 'Genesys Cloud messaging per conversation' }).length).toBeGreaterThan(0), { timeout: 10_000 });
    await waitFor(() => expect(total(1)).toBe('$3.00 ★(cheapest)'), { timeout: 10_000 });
    expect(total(0)).toBe('$199.00');
    expect(screen.getByTestId('sim-cheapest').textContent).toBe('Cheapest: Genesys Cloud messaging per conversation, $3.00 in total.');
    // The difference, by line: the seat plan's base fee against Genesys' conversations.
    const diff = screen.getByRole('heading', { name: 'Seat plan costs $196.00 more than Genesys Cloud messaging per conversation' });
    expect(within(diff.parentElement!).getByRole('row', { name: /Base fee \(5 seats, 10,000 messages\) \$0\.00 \$199\.00 \+\$199\.00/ })).toBeTruthy();

    // Twice the usage: twice the conversations; the seat plan's base fee does not move.
    fireEvent.change(screen.getByTestId('knob-scale'), { target: { value: '2' } });
    await waitFor(() => expect(total(1)).toBe('$6.00 ★(cheapest)'), { timeout: 10_000 });
    expect(total(0)).toBe('$199.00');
    expect(screen.getByTestId('sim-status').textContent).toMatch(/^120 simulated events from 60 measured/);

    // TCO over 6 months at no growth: 6 × 6.00; the seat plan with a 500 setup fee: 500 + 6 × 199.
    fireEvent.change(screen.getByLabelText('Months'), { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText('Setup fee of Seat plan'), { target: { value: '500' } });
    await waitFor(() => expect(screen.getByTestId('sim-tco-1').textContent).toBe('$36.00 ★(cheapest)'), { timeout: 10_000 });
    await waitFor(() => expect(screen.getByTestId('sim-tco-0').textContent).toBe('$1,694.00'), { timeout: 10_000 });
    // Its months are named in the UI's language, from the month after the data's last full cycle (January 2025).
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(expect.arrayContaining(['Feb 2025', 'Jul 2025']));

    // ROI: 5 agents × 2,000 × 25% = 2,500 saved a month against the chosen plan.
    const roi = screen.getByTestId('sim-roi');
    expect(within(roi).getByText('$2,500.00')).toBeTruthy();

    // The chart has a table view with the same numbers (49 multipliers).
    fireEvent.click(within(screen.getByRole('figure', { name: /Total cost by usage multiplier/ })).getByRole('button', { name: 'Table' }));
    const curve = screen.getByRole('table', { name: 'Total cost by usage multiplier' });
    expect(within(curve).getAllByRole('row')).toHaveLength(50);
    expect(within(curve).getByRole('row', { name: '1.00× $199.00 $6.00' })).toBeTruthy();

    // Save, then duplicate the scenario.
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Double volume' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save scenario' }));
    await screen.findByText('Saved “Double volume”.');
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    await screen.findByText('Saved a copy: “Double volume (copy)”.');
    const saved = screen.getByLabelText('Saved scenarios');
    expect(within(saved).getAllByRole('option').map((o) => o.textContent)).toEqual(['Double volume', 'Double volume (copy)']);
  }, 60_000);

  it('opens a valid scenario file: its plans and knobs apply, a plan unknown here is named and left out', async () => {
    renderApp();
    fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [new File([CSV], 'january.csv', { type: 'text/csv' })] } });
    await screen.findByTestId('import-counts', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('link', { name: 'Simulate' }));
    const scenario = {
      format: 'tarifa.scenario/1', name: 'From a colleague', plans: ['shipped:genesys-per-conversation.json', 'saved:gone'],
      knobs: { scale: '3', factors: [], growthPercent: '0', spikes: [], mix: [], extraAgents: 0, extraNumbers: 0 },
      tco: { months: 6, terms: {} }, roi: { agents: 2, monthlySalary: '1500', efficiencyGainPercent: '10' },
    };
    const file = new File([JSON.stringify(scenario)], 'colleague.scenario.json', { type: 'application/json' });
    fireEvent.change(await screen.findByLabelText('Import scenario…'), { target: { files: [file] } });
    await screen.findByText('Opened “From a colleague” from the file (not saved yet).');
    // 3 × 30 conversations × 0.10.
    await waitFor(() => expect(total(0)).toBe('$9.00'), { timeout: 10_000 });
    expect((await screen.findByText(/Not found here, left out of the comparison: saved:gone\./)).getAttribute('role')).toBe('alert');
    expect(within(screen.getByTestId('sim-roi')).getByText('$300.00')).toBeTruthy(); // 2 × 1,500 × 10%
  }, 30_000);

  it('lists the problems of a bad scenario file by path and changes nothing', async () => {
    const { store } = renderApp();
    fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [new File([CSV], 'january.csv', { type: 'text/csv' })] } });
    await screen.findByTestId('import-counts', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('link', { name: 'Simulate' }));
    const file = new File([JSON.stringify({ format: 'tarifa.scenario/1', name: 'x', plans: [], knobs: { scale: 'big' } })], 'bad.json', { type: 'application/json' });
    fireEvent.change(await screen.findByLabelText('Import scenario…'), { target: { files: [file] } });
    const alert = await screen.findByText('This scenario file has problems; nothing was changed:');
    expect(alert.parentElement!.textContent).toContain('knobs.scale');
    expect(store.getState().simKnobs.scale).toBe('1');
  }, 30_000);

  it("an unnamed scenario is named 'Scenario' in the user's language when saved (no English default in a Portuguese UI)", async () => {
    const { store } = renderApp();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'pt-BR' } });
    fireEvent.change(screen.getByLabelText('Arquivo de uso'), { target: { files: [new File([CSV], 'january.csv', { type: 'text/csv' })] } });
    await screen.findByTestId('import-counts', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('link', { name: 'Simular' }));
    const name = await screen.findByLabelText('Nome');
    expect((name as HTMLInputElement).value).toBe('');
    expect((name as HTMLInputElement).placeholder).toBe('Cenário');
    fireEvent.click(screen.getByRole('button', { name: 'Salvar cenário' }));
    await waitFor(() => expect(store.getState().simScenarios.map((x) => x.name)).toEqual(['Cenário']), { timeout: 10_000 });
    expect((screen.getByLabelText('Nome') as HTMLInputElement).value).toBe('Cenário');
  }, 30_000);
});
