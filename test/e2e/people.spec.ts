import { readFile } from 'node:fs/promises';
import { test, expect } from './support/fixtures';

test.describe('users by role and rules on several fields', () => {
  test('a users file on the sample: roles, a user, seats per cycle; a rule on two fields on the Split page', async ({ app, page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.open();
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    await app.datasetItems().filter({ hasText: 'Sample' }).getByRole('button', { name: 'Show dashboard' }).click();

    const section = page.getByRole('region', { name: 'Users by role' });
    await section.getByLabel('Users file (CSV)').setInputFiles({
      name: 'agents.csv', mimeType: 'text/csv', buffer: await readFile('test/fixtures/people/agents.csv'),
    });
    await expect(section).toContainText('Users file agents.csv: 10 people');
    await expect(section).toContainText("Line 9: e-mail: 'heitor.melo@example' is not an e-mail address");
    await expect(section.getByTestId('role-Sales').locator('tr').first()).toContainText('Sales: 4 users');
    await section.getByRole('button', { name: 'Users of Sales' }).click();
    await section.getByRole('button', { name: 'Consumption of Ana Souza' }).click();
    await expect(section.getByText('By service')).toBeVisible();
    // Two months of sample: two cycles of active seats, by role.
    await expect(section.getByTestId('seats-table').locator('tbody tr')).toHaveCount(2);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/leftovers-people.png', fullPage: false });
    await page.getByLabel('Language').selectOption('pt-BR');
    await expect(page.getByRole('region', { name: 'Usuários por papel' })).toBeVisible();

    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('link', { name: 'Split' }).click();
    await page.getByLabel('New cost centre').fill('Sales');
    await page.getByRole('button', { name: 'Add centre' }).click();
    await page.getByLabel('New cost centre').fill('Support');
    await page.getByRole('button', { name: 'Add centre' }).click();
    await page.getByLabel('Cost centre for Sales').selectOption('sales');
    await page.getByLabel('Field', { exact: true }).selectOption('agent');
    await page.getByLabel('Cost centre for events without agent').selectOption('support');
    await page.getByLabel('Field of condition 1').selectOption('queue');
    await page.getByLabel('Value of condition 1').fill('Support');
    await page.getByLabel('Field of condition 2').selectOption('channel');
    await page.getByLabel('Value of condition 2').fill('*');
    await page.getByLabel('Centre of the rule').selectOption('support');
    await page.getByRole('button', { name: 'Add rule' }).click();
    await expect(page.getByText('queue = Support and channel = *')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show the values of agent' })).toContainText('agent: 1 values');
    // Every event is attributed: Support's queue (any channel) and the events without an agent; Sales by queue.
    await expect(page.getByTestId('centre-support').getByTestId('centre-amount')).toHaveText('$570.04', { timeout: 10_000 });
    await expect(page.getByTestId('centre-sales').getByTestId('centre-amount')).toHaveText('$382.96');
    await page.screenshot({ path: '/tmp/leftovers-split.png', fullPage: false });

    // The Estimate page in Portuguese: explanations through the catalogue.
    await page.getByRole('link', { name: 'Estimate' }).click();
    await page.getByLabel('Language').selectOption('pt-BR');
    await expect(page.locator('.explanation').first()).toContainText('Taxa fixa de 199,00 por ciclo');
    await page.screenshot({ path: '/tmp/leftovers-estimate-pt.png', fullPage: false });
  });
});
