import { test, expect } from './support/fixtures';

test.describe('validation issues in the user language', () => {
  test('the plan editor says a negative price and a bad anchor day in Portuguese, by path', async ({ app, page }) => {
    await app.open();
    await page.getByLabel('Language').selectOption('pt-BR');
    await page.getByRole('navigation').getByRole('link', { name: 'Planos', exact: true }).click();
    const seat = page.getByRole('listitem').filter({ hasText: 'Seat plan' }).first();
    await seat.getByRole('button', { name: 'Duplicar para editar' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'O plano é válido.' })).toBeVisible();

    const charge = page.getByRole('group', { name: /Extra seats/ });
    await charge.getByLabel('Preço unitário').fill('-5');
    await expect(charge).toContainText('charges[1].unitPrice: não pode ser negativo');
    const json = page.getByRole('textbox', { name: /JSON/ });
    const plan = JSON.parse(await json.inputValue()) as Record<string, unknown>;
    await json.fill(JSON.stringify({ ...plan, cycle: { anchorDay: 31, timeZone: 'America/Sao_Paulo' } }, null, 2));
    await expect(page.getByText('cycle.anchorDay: precisa ser no máximo 28').first()).toBeVisible();
    await page.screenshot({ path: '/tmp/i18nv-plan-issues.png', fullPage: true });
  });
});
