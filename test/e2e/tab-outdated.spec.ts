import { test, expect } from './support/fixtures';

test.describe('a newer Tarifa in another tab', () => {
  test('upgrading the database there shows "updated in another tab" here, and Reload brings this tab back', async ({ app, page, context }) => {
    await app.open();
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    // Another tab running a newer version: it opens the same database at the next schema version.
    const other = await context.newPage();
    await other.goto('about:blank');
    await other.goto(page.url().replace(/#.*$/, '') + 'icons/icon.svg');
    const upgraded = await other.evaluate(async () => {
      const current = await new Promise<number>((resolve, reject) => {
        const r = indexedDB.open('tarifa');
        r.onsuccess = () => { const v = r.result.version; r.result.close(); resolve(v); };
        r.onerror = () => reject(r.error);
      });
      return new Promise<number>((resolve, reject) => {
        const r = indexedDB.open('tarifa', current + 10);
        r.onsuccess = () => { const v = r.result.version; r.result.close(); resolve(v); };
        r.onerror = () => reject(r.error);
        r.onblocked = () => undefined;
      });
    });
    expect(upgraded).toBeGreaterThan(0);
    const notice = page.getByRole('alert', { name: 'Tarifa was updated in another tab' });
    await expect(notice).toBeVisible();
    await page.screenshot({ path: '/tmp/polish-outdated.png' });
    await notice.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(notice).toHaveCount(0);
  });
});
