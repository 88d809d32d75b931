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
    const total = await app.estimateTotal().textContent();
    expect(total).toMatch(/^\$[\d,]+\.\d\d$/);
    await page.screenshot({ path: 'test-results/estimate.png', fullPage: true });

    // Reload: the dataset is still there and prices the same.
    await page.reload();
    await expect(app.estimateTotal()).toHaveText(total!);

    // Offline: the service worker serves the app, IndexedDB the data.
    await app.waitForServiceWorker();
    await context.setOffline(true);
    await page.reload();
    await expect(app.estimateTotal()).toHaveText(total!);
    await page.getByRole('navigation').getByRole('link', { name: 'Data' }).click();
    await expect(app.datasetItems().filter({ hasText: 'Sample' })).toHaveCount(1);
    await context.setOffline(false);
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
