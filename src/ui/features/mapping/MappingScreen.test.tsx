// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureFile, renderApp } from '../../../../test/helpers/in-process-app';

afterEach(() => { cleanup(); window.location.hash = ''; });

const drop = (name: string) => {
  const bytes = fixtureFile(`mapping/${name}`);
  fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [new File([bytes], name, { type: 'text/csv' })] } });
};

const fieldOf = (column: string) => (screen.getByLabelText(`Field of column ${column}`) as HTMLSelectElement).value;

describe('the mapping screen', () => {
  it('maps a file no preset reads, saves the preset, and reads the next file of that shape with it', async () => {
    const { api } = renderApp();
    drop('bsp-2026-09.csv');
    await screen.findByText('Map the columns of bsp-2026-09.csv', {}, { timeout: 10_000 });
    expect(screen.getByText('Read as windows-1252, columns separated by “;”, header on line 1.')).toBeTruthy();
    // The first rows as read (Windows-1252 decoded), and a field suggested for every column.
    const rows = screen.getByLabelText('First rows of the file');
    expect(rows.querySelectorAll('tr')[3].textContent).toBe('402/09/2026 14:30EntradaWhatsApp SuportePós-venda+55 21 99876-00020,00');
    expect(['Início do atendimento', 'Direção', 'Canal', 'Fila', 'Contato', 'Valor (R$)'].map(fieldOf))
      .toEqual(['timestamp', 'direction', 'channel', 'queue', 'contact', 'price']);
    expect((screen.getByLabelText('direction for “Saída”') as HTMLSelectElement).value).toBe('outbound');
    expect((screen.getByLabelText('Date format') as HTMLSelectElement).value).toBe('dd/mm/yyyy');
    expect((screen.getByLabelText('Decimal mark') as HTMLSelectElement).value).toBe('comma');

    // The live preview: the real import of those rows, the Total row counted as a summary row.
    await waitFor(() => expect(screen.getByTestId('mapping-preview-counts').textContent)
      .toBe('7 rows read: 6 events, 0 rejected, 0 duplicates, 1 summary rows'), { timeout: 5_000 });
    const events = screen.getByLabelText('First events');
    // Naive times in the Data page's time zone (UTC here), the decimal comma and thousands point read.
    expect(events.querySelectorAll('tr')[4].textContent).toBe('2026-09-02T14:42:00.000ZoutboundWhatsApp SuportePós-venda+55 21 99876-00021234.5messageBR');

    // A wrong choice shows up at once: the queue read as the date.
    fireEvent.change(screen.getByLabelText('Field of column Fila'), { target: { value: 'timestamp' } });
    expect(fieldOf('Início do atendimento')).toBe('');
    await screen.findByText(/Rows that would be rejected/, {}, { timeout: 5_000 });
    expect(screen.getAllByText("timestamp: cannot read 'Atendimento' as a date").length).toBeGreaterThan(0);
    fireEvent.change(screen.getByLabelText('Field of column Início do atendimento'), { target: { value: 'timestamp' } });
    fireEvent.change(screen.getByLabelText('Field of column Fila'), { target: { value: 'queue' } });

    // Saving without a name names the problem by its path; with one, it saves and imports.
    fireEvent.click(screen.getByText('Save preset and import'));
    expect((await screen.findByText('The preset cannot be saved yet:', {}, { timeout: 5_000 })).parentElement!.textContent).toContain('name: must not be empty');
    fireEvent.change(screen.getByLabelText('Preset name'), { target: { value: 'BSP Atendimento' } });
    fireEvent.click(screen.getByText('Save preset and import'));
    await waitFor(() => expect(screen.getByTestId('import-preset').textContent).toContain('BSP Atendimento'), { timeout: 10_000 });
    expect(screen.getByTestId('import-counts').textContent).toContain('7 rows read: 6 imported, 0 rejected, 0 duplicates');
    expect(screen.queryByText(/Map the columns of/)).toBeNull();
    const saved = await api.listPresets();
    expect(saved.map((p) => [p.name, p.json.values, p.json.dateFormat, p.json.columns.queue])).toEqual([
      ['BSP Atendimento', { direction: { Entrada: 'inbound', 'Saída': 'outbound' } }, 'dd/mm/yyyy', 'Fila'],
    ]);
    expect(within(screen.getByLabelText('Saved presets')).getByText('BSP Atendimento')).toBeTruthy();

    // The next month: read with the saved preset, no mapping screen; its broken rows are listed with their lines.
    drop('bsp-2026-10.csv');
    await waitFor(() => expect(screen.getByTestId('import-counts').textContent).toContain('6 rows read: 4 imported, 2 rejected'), { timeout: 10_000 });
    expect(screen.getByTestId('import-preset').textContent).toContain('BSP Atendimento');
    expect(screen.queryByText(/Map the columns of/)).toBeNull();
    expect(screen.getByText("timestamp: cannot read '32/10/2026 10:05' as a date")).toBeTruthy();
  }, 30_000);

  it('several files dropped at once: the mapping of the first reads them all into one dataset', async () => {
    renderApp();
    const files = ['bsp-2026-09.csv', 'bsp-2026-10.csv'].map((name) => new File([fixtureFile(`mapping/${name}`)], name, { type: 'text/csv' }));
    fireEvent.change(screen.getByLabelText('Usage file'), { target: { files } });
    await screen.findByText('Map the columns of bsp-2026-09.csv', {}, { timeout: 10_000 });
    expect(screen.getByText('The 1 other files dropped with it are imported with the same mapping, into one dataset.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Preset name'), { target: { value: 'BSP' } });
    fireEvent.click(screen.getByText('Save preset and import'));
    await waitFor(() => expect(screen.getByTestId('import-counts').textContent).toBe('13 rows read: 10 imported, 2 rejected, 0 duplicates.'), { timeout: 10_000 });
    expect(screen.getByTestId('import-preset').textContent).toBe('Read as: BSP.');
  }, 30_000);

  it('a file without a header row: columns by position, the first row imported too, and the next such file recognised', async () => {
    renderApp();
    const file = () => new File([fixtureFile('no-header.csv')], 'no-header.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [file()] } });
    await screen.findByText('Map the columns of no-header.csv', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByLabelText('The file has no header row: its first row is data (columns go by position)'));
    const rows = screen.getByLabelText('First rows of the file');
    expect(rows.querySelectorAll('tr')[1].textContent).toBe('12026-09-01T12:00:00Zs-001messageoutbound+5511900000001');
    for (const [column, field] of [['Column 1', 'timestamp'], ['Column 2', 'id'], ['Column 3', 'kind'], ['Column 4', 'direction'], ['Column 5', 'contact']]) {
      fireEvent.change(screen.getByLabelText(`Field of column ${column}`), { target: { value: field } });
    }
    await waitFor(() => expect(screen.getByTestId('mapping-preview-counts').textContent)
      .toBe('2 rows read: 2 events, 0 rejected, 0 duplicates, 0 summary rows'), { timeout: 5_000 });
    fireEvent.change(screen.getByLabelText('Preset name'), { target: { value: 'Headerless log' } });
    fireEvent.click(screen.getByText('Save preset and import'));
    await waitFor(() => expect(screen.getByTestId('import-counts').textContent).toBe('2 rows read: 2 imported, 0 rejected, 0 duplicates.'), { timeout: 10_000 });
    const next = new File(['2026-10-01T12:00:00Z,s-003,call,inbound,+5511900000003\n2026-10-02T12:00:00Z,s-004,message,outbound,+5511900000004\nbad,s-005,message,inbound,x\n'],
      'no-header-october.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('Usage file'), { target: { files: [next] } });
    await waitFor(() => expect(screen.getByTestId('import-counts').textContent).toBe('3 rows read: 2 imported, 1 rejected, 0 duplicates.'), { timeout: 10_000 });
    expect(screen.getByTestId('import-preset').textContent).toBe('Read as: Headerless log.');
    expect(screen.queryByText(/Map the columns of/)).toBeNull();
  }, 30_000);

  it('renames, exports and deletes saved presets, and imports preset files with issues by path', async () => {
    const { api } = renderApp();
    const doc = {
      format: 'tarifa.preset/1', name: 'PBX', header: ['Quando', 'Quem'], columns: { timestamp: 'Quando', contact: 'Quem' },
      constants: { kind: 'call' },
    };
    fireEvent.change(screen.getByLabelText('Import a preset file…'), { target: { files: [new File([JSON.stringify(doc)], 'pbx.preset.json')] } });
    await screen.findByText('Preset “PBX” imported.', {}, { timeout: 5_000 });
    const list = screen.getByLabelText('Saved presets');
    expect(within(list).getByText('2 columns mapped')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Rename: PBX'));
    fireEvent.change(screen.getByLabelText('New name for PBX'), { target: { value: 'PBX central' } });
    fireEvent.click(screen.getByText('Save name'));
    await screen.findByText('Preset renamed to “PBX central”.', {}, { timeout: 5_000 });
    expect((await api.listPresets()).map((p) => p.json.name)).toEqual(['PBX central']);
    const input = screen.getByLabelText('Import a preset file…');
    fireEvent.change(input, { target: { files: [new File([JSON.stringify({ ...doc, columns: { contact: 'Quem' } })], 'bad.preset.json')] } });
    expect((await screen.findByText(/The preset file was not imported/, {}, { timeout: 5_000 })).textContent)
      .toBe('The preset file was not imported: columns.timestamp: is required: which column holds the date and time');
    fireEvent.click(screen.getByLabelText('Delete: PBX central'));
    await screen.findByText('Preset “PBX central” deleted.', {}, { timeout: 5_000 });
    expect(await api.listPresets()).toEqual([]);
  });
});
