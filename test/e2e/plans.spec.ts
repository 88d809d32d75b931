import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from './support/fixtures';

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
const seatCharge = (page: Page) => page.getByRole('group', { name: /^Charge 2: Extra seats/ });

test.describe('plans library and editor', () => {
  test('duplicate the seat plan, fix a bad price, save, export, and price the sample with it', async ({ app, page }) => {
    await app.open();
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });

    await nav(page, 'Plans');
    const examples = page.getByRole('region', { name: 'Example plans' });
    await expect(examples.getByRole('listitem')).toHaveCount(6);
    await expect(examples.getByRole('listitem').filter({ hasText: 'Seat plan' })).toContainText('Basic: 5 agent seats');
    await page.screenshot({ path: 'test-results/plans-library.png', fullPage: true });

    await examples.getByRole('listitem').filter({ hasText: 'Seat plan' }).getByRole('button', { name: 'Duplicate to edit' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The plan is valid.' })).toBeVisible();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Seat plan (copy)');

    const price = seatCharge(page).getByLabel('Unit price');
    await expect(price).toHaveValue('40');
    await price.fill('forty-five');
    await expect(seatCharge(page)).toContainText('charges[1].unitPrice: must be a decimal string such as "12.50"');
    await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
    await expect(page.getByLabel(/^Plan JSON/)).toHaveValue(/"unitPrice": "forty-five"/);
    await page.screenshot({ path: 'test-results/plan-editor-error.png', fullPage: true });

    await price.fill('55');
    await expect(page.getByRole('status').filter({ hasText: 'The plan is valid.' })).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved. The plan is valid.' })).toBeVisible();
    await page.screenshot({ path: 'test-results/plan-editor.png', fullPage: true });

    // Export downloads the plan as valid JSON.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
    expect(download.suggestedFilename()).toBe('seat-plan-copy.json');
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    expect(exported).toMatchObject({ format: 'tarifa.plan/1', name: 'Seat plan (copy)' });
    expect(exported.charges[1]).toMatchObject({ id: 'seats', unitPrice: '55', freeUnits: 5 });

    await page.getByRole('button', { name: 'Close' }).click();
    const mine = page.getByRole('region', { name: 'Your plans' });
    await expect(mine.getByRole('listitem')).toHaveCount(1);
    await expect(mine).toContainText('Seat plan (copy)');

    // The Estimate page's picker offers it. 5 extra seats a month now cost 5 x 55 = 275 instead of 200:
    // Sep 199 + 275 + 75 = 549, Oct 199 + 275 + 80 = 554, total $1,103.00 (was $953.00).
    await nav(page, 'Estimate');
    await expect(app.estimateTotal()).toHaveText('$953.00');
    await page.getByLabel('Plan', { exact: true }).selectOption({ label: 'Seat plan (copy)' });
    await expect(app.estimateTotal()).toHaveText('$1,103.00');
    await expect(page.getByTestId('cycle-total')).toHaveText(['$549.00', '$554.00']);
    await page.screenshot({ path: 'test-results/estimate-own-plan.png', fullPage: true });

    // The choice survives a reload of the plans (stored in IndexedDB); "Use" on an example switches back.
    await page.reload();
    await nav(page, 'Plans');
    await expect(page.getByRole('region', { name: 'Your plans' })).toContainText('Seat plan (copy)');
    await page.getByRole('region', { name: 'Example plans' }).getByRole('listitem').filter({ hasText: 'Seat plan' })
      .getByRole('button', { name: 'Use' }).click();
    await expect(app.estimateTotal()).toHaveText('$953.00');
  });

  test('imports a plan file; an invalid one opens in the editor with its problems', async ({ app, page }) => {
    await app.open();
    await nav(page, 'Plans');
    const twilio = JSON.parse(await readFile('public/plans/twilio-sms-voice.json', 'utf8'));
    await page.getByLabel('Import plan file…').setInputFiles({
      name: 'ours.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...twilio, name: 'Our Twilio contract' })),
    });
    await expect(page.getByRole('status').filter({ hasText: 'Imported "Our Twilio contract".' })).toBeVisible();
    const mine = page.getByRole('region', { name: 'Your plans' });
    await expect(mine.getByRole('listitem').filter({ hasText: 'Our Twilio contract' })).toHaveCount(1);

    await page.getByLabel('Import plan file…').setInputFiles('test/fixtures/bad-plan.json');
    await expect(page.getByText('Problems to fix before saving: 1')).toBeVisible();
    await expect(seatCharge(page)).toContainText('charges[1].unitPrice');
    await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();

    // Fixed in the JSON view, it can be saved.
    const json = page.getByLabel(/^Plan JSON/);
    await json.fill((await json.inputValue()).replace('"forty"', '"40"'));
    await expect(page.getByRole('status').filter({ hasText: 'The plan is valid.' })).toBeVisible();
    await expect(seatCharge(page).getByLabel('Unit price')).toHaveValue('40');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(mine.getByRole('listitem')).toHaveCount(2);

    // Delete asks first.
    page.once('dialog', (d) => void d.accept());
    await mine.getByRole('listitem').filter({ hasText: 'Our Twilio contract' }).getByRole('button', { name: 'Delete' }).click();
    await expect(mine.getByRole('listitem')).toHaveCount(1);
  });

  test('the plans page and editor speak Portuguese', async ({ app, page }) => {
    await app.open('/#/plans');
    await page.getByLabel('Language').selectOption('pt-BR');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Planos');
    const examples = page.getByRole('region', { name: 'Planos de exemplo' });
    await examples.getByRole('listitem').filter({ hasText: 'Seat plan' }).getByRole('button', { name: 'Duplicar para editar' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'O plano é válido.' })).toBeVisible();
    await page.getByRole('group', { name: /^Cobrança 2/ }).getByLabel('Preço unitário').fill('-1');
    await expect(page.getByText('Problemas a corrigir antes de salvar: 1')).toBeVisible();
    await page.screenshot({ path: 'test-results/plan-editor-pt-BR.png', fullPage: true });
  });
});
