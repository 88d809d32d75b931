import { test, expect, type Page } from './support/fixtures';

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const FIXTURE = 'test/fixtures/rate-cards/meta-pricing-usd-2026-10-01.csv';

test.describe('rate-card import', () => {
  test('imports Meta\'s rate-card CSV into a new plan, saves it and prices the sample with it', async ({ app, page }) => {
    await app.open();
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });

    await nav(page, 'Plans');
    await page.getByRole('button', { name: 'New plan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The plan is valid.' })).toBeVisible();
    await page.getByLabel('Name', { exact: true }).fill('Meta card plan');

    await page.getByRole('button', { name: 'Import a Meta rate card (CSV)…' }).click();
    const panel = page.getByRole('group', { name: 'Import a Meta rate card (CSV)' });
    await panel.getByLabel('In force from').fill('2026-09-01');
    await expect(panel.getByLabel('Put it into')).toHaveValue('');
    await panel.getByLabel('Rate-card CSV').setInputFiles(FIXTURE);
    await expect(panel).toContainText('Read 9 markets, rates in USD.');
    await panel.getByRole('button', { name: 'Add the card to the plan' }).click();
    await expect(panel).toContainText('in force from 2026-09-01');

    const json = page.getByLabel(/^Plan JSON/);
    await expect(json).toHaveValue(/"BR:marketing": "0\.0625"/);
    await expect(json).toHaveValue(/"type": "whatsapp-pmp"/);
    await expect(json).toHaveValue(/"effectiveFrom": "2026-09-01"/);
    await expect(page.getByRole('status').filter({ hasText: 'The plan is valid.' })).toBeVisible();
    await page.screenshot({ path: 'test-results/rate-card-import.png', fullPage: true });

    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved. The plan is valid.' })).toBeVisible();
    await page.getByRole('button', { name: 'Use for the estimate' }).click();

    await expect(app.estimateTotal()).toHaveText(/^\$[\d,]+\.\d\d$/);
    await expect(app.estimateTotal()).not.toHaveText('$0.00');
    await expect(page.getByLabel('Plan', { exact: true }).locator('option:checked')).toHaveText('Meta card plan');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a broken rate-card file lists its problems by line', async ({ app, page }) => {
    await app.open();
    await nav(page, 'Plans');
    await page.getByRole('button', { name: 'New plan' }).click();
    await page.getByRole('button', { name: 'Import a Meta rate card (CSV)…' }).click();
    const panel = page.getByRole('group', { name: 'Import a Meta rate card (CSV)' });
    await panel.getByLabel('Rate-card CSV').setInputFiles('test/fixtures/rate-cards/meta-pricing-broken.csv');
    const problems = panel.getByRole('list', { name: 'Problems in the rate-card file' }).getByRole('listitem');
    await expect(problems.first()).toHaveText(/^Line \d+/);
    expect(await problems.count()).toBeGreaterThan(3);
    await expect(panel.getByRole('button', { name: 'Add the card without the rows with problems' })).toBeEnabled();
  });
});
