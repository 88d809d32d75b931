// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureFile, renderApp } from '../../../../test/helpers/in-process-app';

afterEach(() => { cleanup(); window.location.hash = ''; });

// The sample's agent names; two months, so two billing cycles (the seat plan: anchor day 1, Sao Paulo).
const CSV = [
  'timestamp,kind,direction,contact,channel,agent,queue,duration',
  '2025-01-10T12:00:00Z,message,inbound,+5511900000001,wa-main,Ana Souza,Sales,',
  '2025-01-10T12:05:00Z,message,outbound,+5511900000001,wa-main,Ana Souza,Sales,',
  '2025-01-11T12:00:00Z,call,inbound,+5511900000002,pbx,Elisa Rocha,Support,90',
  '2025-01-12T12:00:00Z,message,inbound,+5511900000003,wa-main,Zeca,Support,',
  '2025-02-03T12:00:00Z,message,inbound,+5511900000004,wa-main,Bruno Lima,Sales,',
].join('\n') + '\n';

const openDashboard = async () => {
  const app = renderApp();
  fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [new File([CSV], 'jan-feb.csv', { type: 'text/csv' })] } });
  await screen.findByTestId('import-counts', {}, { timeout: 10_000 });
  fireEvent.click(within(screen.getByRole('region', { name: 'Datasets' })).getByRole('button', { name: 'Show dashboard' }));
  await screen.findByTestId('roles-table', {}, { timeout: 10_000 });
  return app;
};

const roleRow = (role: string) => within(screen.getByTestId(`role-${role}`)).getAllByRole('row')[0];
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);

describe('Users by role', () => {
  it('derives agents from the events, then imports the users file: roles with counts, users, consumption, seats per cycle', async () => {
    await openDashboard();
    // Without a list: agents by queue (this month of the data: February, only Bruno).
    fireEvent.click(screen.getByRole('radio', { name: 'Custom' }));
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-01-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2025-02-28' } });
    await waitFor(() => expect(cells(roleRow('Sales'))).toEqual(['2', '3', '3', '0']));
    expect(screen.getByText(/No users file/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Users file (CSV)'), { target: { files: [fixtureFile('people/agents.csv')] } });
    await screen.findByText(/Users file people\/agents.csv: 10 people/, {}, { timeout: 10_000 });
    // Refused lines, by number and reason.
    expect(screen.getByText('3 lines were not imported')).toBeTruthy();
    expect(screen.getByText("Line 9: e-mail: 'heitor.melo@example' is not an e-mail address")).toBeTruthy();
    // Sales: 4 people, 2 active (Ana 2 events, Bruno 1); Support: Elisa's call 1.5 minutes; Zeca is not in the list.
    expect(roleRow('Sales').textContent).toContain('Sales: 4 users');
    expect(cells(roleRow('Sales'))).toEqual(['2', '3', '3', '0']);
    expect(cells(roleRow('Support'))).toEqual(['1', '1', '0', '1.5']);
    expect(cells(roleRow('none'))).toEqual(['1', '1', '1', '0']);

    fireEvent.click(screen.getByRole('button', { name: 'Users of Sales' }));
    fireEvent.click(screen.getByRole('button', { name: 'Consumption of Ana Souza' }));
    const details = screen.getByText('By service').closest('dl')!;
    expect(details.textContent).toContain('Messages: 2');
    expect(details.textContent).toContain('wa-main');
    expect(details.textContent).toContain('whatsapp, voice');

    // Active seats: January Ana, Elisa, Zeca; February Bruno; by role from the list.
    const seats = screen.getByTestId('seats-table');
    const rows = within(seats).getAllByRole('row').slice(1).map((r) => [within(r).getByRole('rowheader').textContent, ...cells(r)]);
    expect(rows).toEqual([['Jan 1, 2025 to Jan 31, 2025', '3', '1', '1', '1'], ['Feb 1, 2025 to Feb 28, 2025', '1', '1', '0', '0']]);
  });
});
