import { readFile } from 'node:fs/promises';
import { AppPage } from './support/app-page';
import { test, expect, type Page } from './support/fixtures';

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

test.describe('several open tabs', () => {
  test('an import, a deleted dataset, a saved plan and a setting in one tab show in the other', async ({ app, page, context }) => {
    await app.open();
    const other = new AppPage(await context.newPage());
    await other.open();
    await expect(other.page.getByText('No data yet.', { exact: false })).toBeVisible();

    // Import in the first tab: the second lists it without a reload, and prices it.
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    await expect(other.datasetItems().filter({ hasText: 'Sample' })).toHaveCount(1);
    await other.openEstimate('Sample');
    await expect(other.estimateTotal()).toHaveText('$953.00');

    // A plan saved in the first tab is in the second's list.
    await nav(page, 'Plans');
    const twilio = JSON.parse(await readFile('public/plans/twilio-sms-voice.json', 'utf8'));
    await page.getByLabel('Import plan file…').setInputFiles({
      name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...twilio, name: 'Our Twilio contract' })),
    });
    await expect(page.getByRole('status').filter({ hasText: 'Imported "Our Twilio contract".' })).toBeVisible();
    await nav(other.page, 'Plans');
    await expect(other.page.getByRole('region', { name: 'Your plans' }).getByRole('listitem').filter({ hasText: 'Our Twilio contract' })).toHaveCount(1);

    // A setting changed in the first tab shows in the second.
    await nav(other.page, 'Settings');
    const keepRaw = (p: Page) => p.getByRole('checkbox', { name: /Keep raw customer identifiers/ });
    await expect(keepRaw(other.page)).not.toBeChecked();
    await nav(page, 'Settings');
    await keepRaw(page).click();
    await expect(keepRaw(page)).toBeChecked();
    await expect(keepRaw(other.page)).toBeChecked();

    // Deleted in the first tab: gone from the second's list and from its estimate (its worker drops the columns).
    await nav(other.page, 'Estimate');
    await expect(other.estimateTotal()).toHaveText('$953.00');
    await nav(page, 'Data');
    page.once('dialog', (d) => void d.accept());
    await app.datasetItems().filter({ hasText: 'Sample' }).getByRole('button', { name: 'Delete' }).click();
    await expect(app.datasetItems()).toHaveCount(0);
    await expect(other.estimateTotal()).toHaveCount(0);
    await nav(other.page, 'Data');
    await expect(other.datasetItems()).toHaveCount(0);
    await other.page.screenshot({ path: 'test-results/tabs-other.png', fullPage: true });
  });
});
