// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureFile, renderApp } from '../../../test/helpers/in-process-app';

afterEach(() => { cleanup(); window.location.hash = ''; });

describe('App', () => {
  it('opens on the data page offering a file drop and the sample data', () => {
    renderApp();
    expect(screen.getByRole('heading', { name: 'Drop a usage file' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load sample data' })).toBeTruthy();
    expect(screen.getByText(/No data yet/)).toBeTruthy();
  });

  it('imports a file chosen in the file input, lists it, and shows its estimate', async () => {
    renderApp();
    fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [fixtureFile('generic-small.csv')] } });
    const counts = await screen.findByTestId('import-counts', {}, { timeout: 10_000 });
    expect(counts.textContent).toMatch(/0 rejected/);
    const list = screen.getByRole('region', { name: 'Datasets' });
    fireEvent.click(within(list).getByRole('button', { name: 'Show estimate' }));
    const total = await screen.findByTestId('estimate-total', {}, { timeout: 10_000 });
    expect(total.textContent).toMatch(/^\$\d/);
    expect(screen.getAllByRole('region', { name: /^Cycle/ }).length).toBeGreaterThan(0);
  });

  it('lists rejected rows with their line numbers', async () => {
    renderApp();
    fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [fixtureFile('generic-broken-rows.csv')] } });
    await screen.findByTestId('import-counts', {}, { timeout: 10_000 });
    const rows = screen.getByRole('table').querySelectorAll('tbody tr');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r.querySelector('td')!.textContent)).toBeGreaterThan(1);
  });

  it('says clearly when a file is empty, and keeps nothing', async () => {
    const { api } = renderApp();
    fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [fixtureFile('empty.csv')] } });
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toMatch(/empty/);
    expect(await api.listDatasets()).toEqual([]);
  });

  it('shows import progress with rows and MB/s, and offers Cancel', async () => {
    const { store } = renderApp();
    act(() => store.setState({
      job: { id: 'j1', name: 'big.csv', totalBytes: 10_000_000, progress: { bytesRead: 2_500_000, totalBytes: 10_000_000, rowsRead: 20_000, rowsImported: 19_990, rowsRejected: 10, elapsedMs: 500 } },
    }));
    expect(screen.getByText('20,000 rows read · 2.5 of 10.0 MB · 5.0 MB/s')).toBeTruthy();
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(0.25);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Load sample data' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers an update, but not while an import runs', async () => {
    const applyUpdate = vi.fn();
    const { store } = renderApp({ applyUpdate });
    act(() => store.setState({ updateReady: true, job: { id: 'j', name: 'x.csv', totalBytes: 1, progress: null } }));
    expect(screen.getByText(/offered again when the import finishes/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Update now' })).toBeNull();
    act(() => store.setState({ job: null }));
    fireEvent.click(screen.getByRole('button', { name: 'Update now' }));
    expect(applyUpdate).toHaveBeenCalledOnce();
  });
});

describe('languages', () => {
  it('switches the whole UI to Portuguese, with Brazilian number and money formatting', async () => {
    const { store } = renderApp();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'pt-BR' } });
    expect(screen.getByRole('heading', { name: 'Solte um arquivo de uso' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Carregar dados de exemplo' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('pt-BR');
    act(() => store.setState({
      job: { id: 'j1', name: 'grande.csv', totalBytes: 10_000_000, progress: { bytesRead: 2_500_000, totalBytes: 10_000_000, rowsRead: 20_000, rowsImported: 20_000, rowsRejected: 0, elapsedMs: 500 } },
    }));
    expect(screen.getByText('20.000 linhas lidas · 2,5 de 10,0 MB · 5,0 MB/s')).toBeTruthy();
  });

  it('speaks Spanish too', () => {
    renderApp();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'es' } });
    expect(screen.getByRole('heading', { name: 'Suelta un archivo de uso' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Estimación' })).toBeTruthy();
  });
});

describe('settings', () => {
  it('keeps contacts pseudonymised by default and lets the user choose raw identifiers for later imports', async () => {
    const { api } = renderApp();
    fireEvent.click(screen.getByRole('link', { name: 'Settings' }));
    const box = await screen.findByRole('checkbox', { name: /Keep raw customer identifiers/ });
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
    expect(await api.privacySettings()).toEqual({ keepRawIdentifiers: true });
  });
});
