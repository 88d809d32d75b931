import { test, expect } from './support/fixtures';

test.describe('sample data, persistence and offline', () => {
  test('the first screen offers a file drop and the sample data', async ({ app, page }) => {
    await app.open();
    await expect(page.getByRole('heading', { name: 'Drop a usage file' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Load sample data' })).toBeVisible();
    await page.screenshot({ path: 'test-results/first-screen.png', fullPage: true });
  });

  test('loads the sample, shows an estimate per cycle, survives a reload and works offline', async ({ app, page, context }) => {
    await app.open();
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    await app.openEstimate('Sample');
    await expect(page.getByRole('region', { name: /^Cycle/ })).toHaveCount(2);
    // The sample is deterministic: Sep 199 + 5 extra seats x 40 + 15 packages x 5 = 474; Oct 199 + 200 + 16 x 5 = 479.
    const total = '$953.00';
    await expect(app.estimateTotal()).toHaveText(total);
    await expect(page.getByTestId('cycle-total')).toHaveText(['$474.00', '$479.00']);
    await page.screenshot({ path: 'test-results/estimate.png', fullPage: true });

    // Reload: the dataset is still there and prices the same.
    await page.reload();
    await expect(app.estimateTotal()).toHaveText(total);

    // Offline: the service worker serves the app, IndexedDB the data.
    await app.waitForServiceWorker();
    await context.setOffline(true);
    await page.reload();
    await expect(app.estimateTotal()).toHaveText(total);
    await page.getByRole('navigation').getByRole('link', { name: 'Data', exact: true }).click();
    await expect(app.datasetItems().filter({ hasText: 'Sample' })).toHaveCount(1);
    await context.setOffline(false);
  });

  test('a line shows the sample events behind it; a bad plan file names the field at fault', async ({ app, page }) => {
    await app.open();
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    await app.openEstimate('Sample');
    const seats = page.getByRole('row', { name: /Extra seats/ }).first();
    await seats.getByRole('button', { name: 'Sample events' }).click();
    const events = page.locator('table.events tbody tr');
    await expect(events).not.toHaveCount(0);
    await expect(page.locator('table.events thead')).toContainText('agent');

    await page.getByLabel('Use a plan file…').setInputFiles('test/fixtures/bad-plan.json');
    await expect(app.alert()).toContainText('The plan file has errors');
    await expect(app.alert()).toContainText('charges[1].unitPrice');
    await page.screenshot({ path: 'test-results/bad-plan.png' });
    await expect(app.estimateTotal()).toHaveCount(0);
    await page.getByRole('button', { name: 'Use the default plan' }).click();
    await expect(app.estimateTotal()).toHaveText('$953.00');
  });

  test('settings show the storage used and the version', async ({ app, page }) => {
    await app.open();
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByTestId('storage-used')).toContainText('used of');
    await expect(page.getByTestId('app-version')).toContainText('Version 0.1.0');
  });
});
