import { test, expect } from './support/fixtures';

/** A month per file, generic CSV with event ids; February repeats January's last event (a duplicate across files). */
const month = (name: string, rows: string[]) => ({
  name, mimeType: 'text/csv', buffer: Buffer.from(['timestamp,id,kind,contact,channel', ...rows].join('\n') + '\n'),
});
const JAN = month('2025-01.csv', [
  '2025-01-05T10:00:00Z,m-1,message,+5511999990001,wa',
  '2025-01-06T10:00:00Z,m-2,message,+5511999990002,wa',
  'not a date,m-3,message,+5511999990003,wa',
  '2025-01-31T10:00:00Z,m-4,message,+5511999990001,wa',
]);
const FEB = month('2025-02.csv', [
  '2025-01-31T10:00:00Z,m-4,message,+5511999990001,wa',
  '2025-02-03T10:00:00Z,m-5,message,+5511999990004,wa',
  '2025-02-04T10:00:00Z,m-6,message,+5511999990002,wa',
]);
const MAR = month('2025-03.csv', [
  '2025-03-01T10:00:00Z,m-7,message,+5511999990005,wa',
  '2025-03-02T10:00:00Z,m-8,message,+5511999990001,wa',
]);

test('two files dropped become one dataset; a third is appended; a file dropped again is recognised', async ({ app, page }) => {
  await app.open();
  await app.dropFiles([JAN, FEB]);

  // One dataset, accounted per file and in total; the duplicate across files counted once.
  const files = page.getByTestId('import-files');
  await expect(files).toBeVisible();
  await expect(files.locator('tbody tr')).toHaveCount(2);
  await expect(files.locator('tbody tr').nth(0)).toContainText('2025-01.csv');
  await expect(files.locator('tbody tr').nth(1)).toContainText('2025-02.csv');
  await expect(app.importCounts()).toHaveText('7 rows read: 5 imported, 1 rejected, 1 duplicates.');
  await expect(files.locator('tfoot')).toContainText('Total');
  // The reject names its file and its line in that file.
  await expect(page.locator('table.rejects tbody tr')).toHaveCount(1);
  await expect(page.locator('table.rejects tbody tr td').nth(0)).toHaveText('2025-01.csv');
  await expect(page.locator('table.rejects tbody tr td').nth(1)).toHaveText('4');
  await expect(app.datasetItems()).toHaveCount(1);
  const name = '2025-01.csv, 2025-02.csv';
  await expect(app.datasetItems().first()).toContainText('5 events');
  await expect(app.datasetItems().first()).toContainText('2 files');
  await page.screenshot({ path: 'test-results/multi-file-two.png', fullPage: true });

  // Append March from the dataset list.
  await app.addFiles(name, [MAR]);
  await expect(page.getByRole('heading', { name: `Added to ${name}` })).toBeVisible();
  await expect(app.importCounts()).toHaveText('2 rows read: 2 imported, 0 rejected, 0 duplicates.');
  await expect(app.datasetItems()).toHaveCount(1);
  await expect(app.datasetItems().first()).toContainText('7 events');
  await expect(app.datasetItems().first()).toContainText('3 files');

  // January again, under another name: recognised by its content, nothing imported, "Import anyway" offered.
  await app.dropFiles([{ ...JAN, name: 'january-again.csv' }]);
  const already = page.getByTestId('already-imported');
  await expect(already).toBeVisible();
  await expect(already).toContainText(`already imported (in “${name}” as 2025-01.csv): skipped`);
  await expect(already.getByRole('button', { name: 'Import anyway' })).toBeVisible();
  await expect(app.datasetItems()).toHaveCount(1);
  await page.screenshot({ path: 'test-results/multi-file.png', fullPage: true });

  // "Import anyway" imports it all the same, as a dataset of its own.
  await already.getByRole('button', { name: 'Import anyway' }).click();
  await expect(app.importCounts()).toHaveText('4 rows read: 3 imported, 1 rejected, 0 duplicates.');
  await expect(app.datasetItems()).toHaveCount(2);

  // The dataset stays queryable with every month.
  await app.openEstimate(name);
  await expect(app.estimateTotal()).toBeVisible();
});
