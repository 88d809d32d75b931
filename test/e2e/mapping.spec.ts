import { readFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';

/** A fixture as the browser gets it: the file's bytes (Windows-1252), untouched. */
const fixture = (name: string) => ({ name, mimeType: 'text/csv', buffer: readFileSync(`test/fixtures/mapping/${name}`) });

test.describe('mapping screen and saved presets', () => {
  test('a Windows-1252 ;-file no preset reads is mapped and saved; the next month is read with the saved preset', async ({ app, page }) => {
    await app.open();
    // The bytes really are Windows-1252: "Início" is 0xED, not UTF-8's 0xC3 0xAD.
    const september = fixture('bsp-2026-09.csv');
    expect(september.buffer.includes(Buffer.from([0x49, 0x6e, 0xed, 0x63, 0x69, 0x6f]))).toBe(true);
    await app.importFile(september);

    const screen = app.mappingScreen();
    await expect(screen).toBeVisible();
    await expect(screen).toContainText('No preset recognises this file.');
    await expect(screen).toContainText('Read as windows-1252, columns separated by “;”, header on line 1.');
    // The first rows as read: accents decoded, nothing garbled.
    const rows = screen.getByRole('table', { name: 'First rows of the file' });
    await expect(rows.locator('tbody tr').nth(2)).toHaveText(/^402\/09\/2026 14:30EntradaWhatsApp SuportePós-venda\+55 21 99876-00020,00$/);
    await expect(rows).toContainText('Atendimento');
    // Suggested fields (from the Portuguese header names).
    for (const [column, field] of [['Início do atendimento', 'timestamp'], ['Direção', 'direction'], ['Canal', 'channel'],
      ['Fila', 'queue'], ['Contato', 'contact'], ['Valor (R$)', 'price']] as const) {
      await expect(app.fieldOfColumn(column)).toHaveValue(field);
    }
    // Value maps for direction, the date format, decimal mark and time zone.
    await page.getByLabel('direction for “Entrada”').selectOption('inbound');
    await page.getByLabel('direction for “Saída”').selectOption('outbound');
    await expect(page.getByLabel('Date format')).toHaveValue('dd/mm/yyyy');
    await expect(page.getByLabel('Decimal mark')).toHaveValue('comma');
    await page.getByLabel('Time zone of dates without an offset').selectOption('America/Sao_Paulo');

    // The live preview is the real import of those rows.
    await expect(page.getByTestId('mapping-preview-counts')).toHaveText('7 rows read: 6 events, 0 rejected, 0 duplicates, 1 summary rows');
    const events = screen.getByRole('table', { name: 'First events' });
    await expect(events.locator('tbody tr').nth(3)).toHaveText(
      '2026-09-02T17:42:00.000ZoutboundWhatsApp SuportePós-venda+55 21 99876-00021234.5messageBR');
    await page.screenshot({ path: '/tmp/mapping-screen.png', fullPage: true });

    await screen.getByLabel('Preset name').fill('BSP Atendimento');
    await screen.getByRole('button', { name: 'Save preset and import' }).click();
    await expect(app.importCounts()).toHaveText('7 rows read: 6 imported, 0 rejected, 0 duplicates.');
    await expect(page.getByTestId('import-preset')).toHaveText('Read as: BSP Atendimento.');
    await expect(screen).toBeHidden();
    await expect(page.getByRole('region', { name: 'Saved presets' })).toContainText('BSP Atendimento');

    // October, same shape: no mapping screen, the saved preset reads it; its broken rows are rejected with lines.
    await app.importFile(fixture('bsp-2026-10.csv'));
    await expect(app.importCounts()).toHaveText('6 rows read: 4 imported, 2 rejected, 0 duplicates.');
    await expect(page.getByTestId('import-preset')).toHaveText('Read as: BSP Atendimento.');
    await expect(app.mappingScreen()).toHaveCount(0);
    await expect(app.datasetItems()).toHaveCount(2);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download rejected rows (CSV)' }).click();
    const file = await download;
    const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
    expect(text).toBe([
      'line,reason,raw',
      `5,timestamp: cannot read '32/10/2026 10:05' as a date,"32/10/2026 10:05,Saída,WhatsApp Suporte,Pós-venda,+55 21 99876-0005,""0,0315"""`,
      `6,direction: 'Transferência' is not inbound or outbound,"20/10/2026 17:45,Transferência,WhatsApp Suporte,Pós-venda,+55 21 99876-0002,""0,00"""`,
      '',
    ].join('\r\n'));
    await page.screenshot({ path: '/tmp/mapping-after.png', fullPage: true });
  });

  test('a saved preset exports as a file and imports back under a free name', async ({ app, page }) => {
    await app.open();
    const doc = {
      format: 'tarifa.preset/1', name: 'PBX', header: ['Quando', 'Quem'], columns: { timestamp: 'Quando', contact: 'Quem' },
      constants: { kind: 'call' },
    };
    const library = page.getByRole('region', { name: 'Saved presets' });
    const importPreset = library.getByLabel('Import a preset file…');
    await importPreset.setInputFiles({ name: 'pbx.preset.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expect(library).toContainText('Preset “PBX” imported.');
    const download = page.waitForEvent('download');
    await library.getByRole('button', { name: 'Export: PBX' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('pbx.preset.json');
    const exported = JSON.parse(Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8'));
    expect(exported).toEqual(doc);
    await importPreset.setInputFiles({ name: 'pbx.preset.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
    await expect(library).toContainText('Preset “PBX (2)” imported.');
    await expect(library.locator('li')).toHaveCount(2);
  });
});
