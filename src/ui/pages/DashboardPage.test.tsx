// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/helpers/in-process-app';
import { createAppStore } from '../../state/store';
import { createApi } from '../../worker/api';
import { App } from '../app/App';
import { ServicesProvider } from '../app/store-context';

afterEach(() => { cleanup(); window.location.hash = ''; });

// Midday timestamps, so the day of each event is the same in any zone the test machine may pick for the import.
const CSV = [
  'timestamp,kind,direction,contact,channel,agent,queue,template,category,duration',
  '2024-12-15T12:00:00Z,message,inbound,+5511900000009,wa-main,ana,Sales,,,',
  '2025-01-10T12:00:00Z,message,inbound,+5511900000001,wa-main,ana,Sales,,,',
  '2025-01-30T12:00:00Z,message,inbound,+5511900000002,wa-main,ana,Sales,,,',
  '2025-01-30T12:05:00Z,message,outbound,+5511900000002,wa-main,bruno,Support,promo,marketing,',
  '2025-01-30T12:10:00Z,message,outbound,+5511900000003,wa-main,bruno,Support,,,',
  '2025-01-31T12:00:00Z,message,inbound,+5511900000004,wa-sales,carla,Sales,,,',
  '2025-01-31T12:30:00Z,message,outbound,+5511900000004,wa-sales,dani,Support,otp,authentication,',
  '2025-01-31T13:00:00Z,call,inbound,+5511900000005,pbx,dani,Support,,,150',
].join('\n') + '\n';

const openDashboard = async () => {
  const app = renderApp();
  fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [new File([CSV], 'january.csv', { type: 'text/csv' })] } });
  await screen.findByTestId('import-counts', {}, { timeout: 10_000 });
  fireEvent.click(within(screen.getByRole('region', { name: 'Datasets' })).getByRole('button', { name: 'Show dashboard' }));
  await screen.findByTestId('tile-messages', {}, { timeout: 10_000 });
  return app;
};

const tileValue = (metric: string) => screen.getByTestId(`tile-${metric}`).querySelector('.tile-value')!.textContent;
const messagesChart = () => screen.getByRole('figure', { name: /Messages in and out/ });

describe('Dashboard', () => {
  it('opens on this month of the data, says how far the data goes, and compares with the period before', async () => {
    await openDashboard();
    expect(screen.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
    expect((screen.getByRole('radio', { name: 'This month' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByTestId('range-note').textContent).toMatch(/Jan 1, 2025 to Jan 31, 2025/);
    expect(screen.getByTestId('range-note').textContent).toMatch(/Data up to Jan 31, 2025/);
    expect(tileValue('messages')).toBe('6');
    expect(screen.getByTestId('tile-messages').textContent).toMatch(/3 in · 3 out/);
    expect(screen.getByTestId('tile-messages').textContent).toMatch(/\+500% · 1 in the previous period/);
    expect(tileValue('voiceMinutes')).toBe('2.5');
    expect(tileValue('agents')).toBe('4');
  });

  it("shows the current cycle's estimated cost from the estimate", async () => {
    await openDashboard();
    // Seat plan, January 2025: base 199, 4 agents (within 5 free seats), 6 messages (within 10,000): 199.00.
    await waitFor(() => expect(screen.getByTestId('cost-to-date').textContent).toBe('$199.00'));
    expect(screen.getByRole('region', { name: 'Cost of this cycle' }).textContent).toMatch(/Jan 1, 2025/);
  });

  it('filters by range: today, then a custom range', async () => {
    await openDashboard();
    fireEvent.click(screen.getByRole('radio', { name: 'Today' }));
    await waitFor(() => expect(tileValue('messages')).toBe('2'));
    expect(screen.getByTestId('tile-messages').textContent).toMatch(/3 in the previous period/);
    fireEvent.click(screen.getByRole('radio', { name: 'Custom' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-01-10' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-01-30' } });
    await waitFor(() => expect(tileValue('messages')).toBe('4'));
    expect(screen.getByTestId('range-note').textContent).toMatch(/Jan 10, 2025 to Jan 30, 2025/);
  });

  it('groups by day or week, and the Table toggle shows the chart\'s numbers', async () => {
    await openDashboard();
    const toggle = within(messagesChart()).getByRole('button', { name: 'Table' });
    expect(within(messagesChart()).getByRole('img').getAttribute('aria-label')).toMatch(/by day, 31 periods/);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(within(messagesChart()).getAllByRole('row')).toHaveLength(32);
    const jan30 = within(messagesChart()).getByRole('row', { name: /Jan 30, 2025/ });
    expect(within(jan30).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '2']);
    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'week' } });
    // Weeks start on Monday: Jan 1 (Wed) - 5, 6-12, 13-19, 20-26, 27-31.
    await waitFor(() => expect(within(messagesChart()).getAllByRole('row')).toHaveLength(6));
    const lastWeek = within(messagesChart()).getAllByRole('row')[5];
    expect(within(lastWeek).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '3']);
  });

  it('lists channels and agents by queue, each agent expandable', async () => {
    await openDashboard();
    const channels = screen.getByRole('region', { name: 'Inbound and outbound per channel' });
    expect(within(channels).getByRole('row', { name: /wa-main Messages 2 2 4/ })).toBeTruthy();
    const agents = screen.getByRole('region', { name: 'Agents by queue' });
    expect(within(agents).getByText('Sales: 2 agents')).toBeTruthy();
    const details = within(agents).getByRole('button', { name: 'Details of dani' });
    fireEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(within(agents).getByText(/Calls: 1/).textContent).toMatch(/Voice minutes: 2.5/);
  });

  it('raises an allowance alert when the threshold is crossed, as the user sets it', async () => {
    await openDashboard();
    // Seat plan: 5 seats free; 4 agents = 80%, the default alert threshold.
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(/Extra seats: 4 of 5 free units used \(80%\)/);
    expect(screen.getByText(/6 of 10,000/).textContent).toBe('6 of 10,000 · 0.1% used');
    fireEvent.change(screen.getByLabelText('Alert threshold'), { target: { value: '90' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(screen.getByLabelText('Alert when'), { target: { value: 'remaining' } });
    fireEvent.change(screen.getByLabelText('Alert threshold'), { target: { value: '1' } });
    expect(screen.getByRole('alert').textContent).toMatch(/Extra seats/);
  });

  it('speaks Portuguese with Brazilian numbers', async () => {
    await openDashboard();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'pt-BR' } });
    expect(screen.getByRole('heading', { name: 'Consumo', level: 1 })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Este mês' })).toBeTruthy();
    expect(tileValue('voiceMinutes')).toBe('2,5');
    expect(screen.getByTestId('range-note').textContent).toMatch(/Dados até 31 de jan\. de 2025/);
  });
});

describe('Dashboard threshold across reloads', () => {
  it('keeps the alert threshold the user set after the app is opened again on the same data', async () => {
    const first = await openDashboard();
    await screen.findByRole('alert', {}, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText('Alert when'), { target: { value: 'remaining' } });
    fireEvent.change(screen.getByLabelText('Alert threshold'), { target: { value: '3' } });
    await waitFor(async () => expect(await first.api.allowanceAlert()).toEqual({ mode: 'remaining', value: 3 }));
    first.unmount();
    // A new store and worker API on the same database: what a reload gives.
    const api = createApi({ db: first.db });
    const store = createAppStore({ api, fetchDefaultPlan: async () => JSON.parse(readFileSync('public/plans/seat-plan.json', 'utf8')) });
    await store.getState().refreshDatasets();
    // The URL still says #/dashboard, as after a reload.
    render(<ServicesProvider store={store} api={api}><App applyUpdate={() => {}} /></ServicesProvider>);
    await waitFor(() => expect((screen.getByLabelText('Alert threshold') as HTMLInputElement).value).toBe('3'), { timeout: 10_000 });
    expect((screen.getByLabelText('Alert when') as HTMLSelectElement).value).toBe('remaining');
    // 4 of 5 seats used: 1 remains, at most 3, so the alert is raised.
    expect(screen.getByRole('alert').textContent).toMatch(/Extra seats/);
  });
});
