import { test, expect } from './support/fixtures';

const fixture = (name: string) => `test/fixtures/${name}`;

test.describe('importing a usage file', () => {
  test('a generic CSV through the file input gives the right estimate', async ({ app, page }) => {
    await app.open();
    await app.importFile(fixture('generic-small.csv'));
    await expect(app.importCounts()).toContainText('imported');
    await expect(app.importCounts()).toContainText('0 rejected');
    await app.openEstimate('generic-small.csv');
    await expect(page.getByTestId('plan-name')).toHaveText('Seat plan');
    await expect(app.estimateTotal()).toHaveText(EXPECTED_SMALL_TOTAL);
    await expect(page.getByRole('region', { name: /^Cycle/ })).toHaveCount(2);
  });

  test('broken rows are rejected with line numbers; good rows are imported; rejects download as CSV', async ({ app, page }) => {
    await app.open();
    await app.importFile(fixture('generic-broken-rows.csv'));
    await expect(app.importCounts()).toBeVisible();
    const rejects = page.locator('table.rejects tbody tr');
    await expect(rejects).not.toHaveCount(0);
    const count = await rejects.count();
    await expect(app.importCounts()).toContainText(`${count} rejected`);
    const lines = await rejects.locator('td:first-child').allTextContents();
    for (const line of lines) expect(Number(line)).toBeGreaterThan(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download rejected rows (CSV)' }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8'));
    const csvLines = text.trim().split(/\r?\n/);
    expect(csvLines[0]).toBe('line,reason,raw');
    expect(csvLines.slice(1).map((l) => l.split(',')[0])).toEqual(lines);
    await expect(app.datasetItems()).toHaveCount(1);
    await page.screenshot({ path: 'test-results/broken-rows.png', fullPage: true });
  });

  test('a Twilio export is recognised and read with its own mapping', async ({ app, page }) => {
    await app.open();
    await app.importFile('test/fixtures/presets/twilio-messaging.csv');
    await expect(page.getByTestId('import-preset')).toHaveText('Read as: twilio-messaging.');
    await expect(app.importCounts()).toContainText('5 imported, 1 rejected, 1 duplicates');
  });

  test('a Windows-1252 semicolon file with Portuguese headers and a summary row keeps its accents', async ({ app, page }) => {
    await app.open();
    await page.getByLabel('Time zone for timestamps without an offset').selectOption('America/Sao_Paulo');
    await app.importFile('test/fixtures/presets/generic-pt-windows1252.csv');
    await expect(app.importCounts()).toContainText('3 imported, 1 rejected');
    await expect(page.locator('table.rejects')).toContainText('31/09/2026');
    await app.openEstimate('generic-pt-windows1252.csv');
    await page.getByRole('row', { name: /Extra messages/ }).first().getByRole('button', { name: 'Sample events' }).click();
    await expect(page.locator('table.events')).toContainText('Solicitação');
  });

  test('an empty file says so and saves nothing', async ({ app }) => {
    await app.open();
    await app.importFile(fixture('empty.csv'));
    await expect(app.alert()).toContainText('empty');
    await expect(app.datasetItems()).toHaveCount(0);
  });

  test('a file without a recognisable header says which column is missing and saves nothing', async ({ app }) => {
    await app.open();
    await app.importFile(fixture('no-header.csv'));
    await expect(app.alert()).toContainText('timestamp');
    await expect(app.datasetItems()).toHaveCount(0);
  });

  test('cancel stops a long import and leaves no dataset behind', async ({ app, page }) => {
    await app.open();
    const rows = ['timestamp,kind,id,contact,channel,direction,queue,agent'];
    for (let i = 0; i < 400_000; i++) {
      rows.push(`2026-09-${String(1 + (i % 28)).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00Z,message,m${i},+551190000${i % 5000},+5511400000,inbound,Sales,agent-${i % 7}`);
    }
    await app.importFile({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await expect(page.locator('progress')).toBeVisible();
    await cancel.click();
    await expect(app.alert()).toContainText('Import cancelled');
    await expect(app.datasetItems()).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Datasets' })).toBeVisible();
    await expect(app.datasetItems()).toHaveCount(0);
  });
});

/** Seat plan on generic-small.csv, hand-computed: Sep 199 + 3 extra seats x 40 + 4 packages x 5 = 339; Oct 199. */
const EXPECTED_SMALL_TOTAL = '$538.00';
