import { test, expect, type Page } from './support/fixtures';

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
type Debug = { tarifaDebug: { killEngine(): void; crashEngine(): void; restarts(): number } };

test.describe('engine worker crash', () => {
  test('the worker dies mid-session: the estimate that needed it fails cleanly, the user is told once, the app still estimates', async ({ app, page }) => {
    // ?debug exposes the hook that ends the worker as a crash would; &watchdog: notice within 2 s instead of 90 s.
    await app.open('/?debug&watchdog=2000');
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    await app.openEstimate('Sample');
    await expect(app.estimateTotal()).toHaveText('$953.00');

    await page.evaluate(() => (window as unknown as Debug).tarifaDebug.killEngine());
    // Opening the estimate again asks the dead worker: the call never answers, the watchdog notices.
    await nav(page, 'Data');
    await nav(page, 'Estimate');
    const notice = page.getByRole('alert').filter({ hasText: 'The calculation engine stopped unexpectedly' });
    await expect(notice).toBeVisible({ timeout: 15_000 });
    await expect(notice).toHaveCount(1);
    // The failed call did not hang the page: the estimate is priced again on the new worker.
    await expect(app.estimateTotal()).toHaveText('$953.00');
    expect(await page.evaluate(() => (window as unknown as Debug).tarifaDebug.restarts())).toBe(1);
    await page.screenshot({ path: 'test-results/worker-restart.png', fullPage: true });

    // The UI keeps working on the new worker: the data is there, the estimate prices the same.
    await notice.getByRole('button', { name: 'OK' }).click();
    await expect(notice).toHaveCount(0);
    await nav(page, 'Data');
    await expect(app.datasetItems().filter({ hasText: 'Sample' })).toHaveCount(1);
    await app.openEstimate('Sample');
    await expect(app.estimateTotal()).toHaveText('$953.00');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('the worker throws an uncaught error: it is restarted at once and the app still estimates', async ({ app, page }) => {
    await app.open('/?debug');
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    await page.evaluate(() => (window as unknown as Debug).tarifaDebug.crashEngine());
    const notice = page.getByRole('alert').filter({ hasText: 'The calculation engine stopped unexpectedly' });
    await expect(notice).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as Debug).tarifaDebug.restarts())).toBe(1);
    await app.openEstimate('Sample');
    await expect(app.estimateTotal()).toHaveText('$953.00');
  });

  test('a plan file nested 10,000 levels deep is refused with its path; the app keeps working', async ({ app, page }) => {
    await app.open();
    await nav(page, 'Plans');
    const deep = `{"format":"tarifa.plan/1","name":"deep","meters":{"m":{"type":"count","where":{"contact":${'{"not":'.repeat(10_000)}"x"${'}'.repeat(10_000)}}}}}`;
    await page.getByLabel('Import plan file…').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) });
    await expect(page.getByText(/nested more than 64 levels deep/).first()).toBeVisible();
    await nav(page, 'Data');
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    await app.openEstimate('Sample');
    await expect(app.estimateTotal()).toHaveText('$953.00');
  });

  test('without ?debug there is no hook', async ({ app, page }) => {
    await app.open();
    expect(await page.evaluate(() => 'tarifaDebug' in window)).toBe(false);
  });
});
