import { test, expect, type Page } from './support/fixtures';

const messagesChart = (page: Page) => page.getByRole('figure', { name: 'Messages in and out' });
const messagesTile = (page: Page) => page.getByTestId('tile-messages').locator('.tile-value');

test.describe('consumption dashboard', () => {
  test('ranges and grouping change chart and table; alerts; Portuguese; under the CSP', async ({ app, page }) => {
    const cspErrors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') cspErrors.push(m.text()); });
    page.on('pageerror', (e) => cspErrors.push(e.message));
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.open();
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    await app.datasetItems().filter({ hasText: 'Sample' }).getByRole('button', { name: 'Show dashboard' }).click();

    await expect(page.getByRole('heading', { name: 'Consumption', level: 1 })).toBeVisible();
    const note = page.getByTestId('range-note');
    // The sample ends on 31 Oct 2026, before today: ranges are relative to its last event, and the page says so.
    await expect(note).toContainText('Oct 1, 2026 to Oct 31, 2026');
    await expect(note).toContainText('Data up to Oct 31, 2026');
    await expect(page.getByRole('radio', { name: 'This month' })).toBeChecked();

    // uPlot draws (canvas + legend) under the 'self'-only CSP.
    const chart = messagesChart(page);
    await expect(chart.locator('canvas')).toHaveCount(1);
    await expect(chart.locator('.u-legend')).toContainText('Inbound messages');
    await expect(chart.getByRole('img')).toHaveAttribute('aria-label', /by day, 31 periods/);
    const monthMessages = await messagesTile(page).textContent();

    // The same numbers as a table; grouping changes the rows.
    await chart.getByRole('button', { name: 'Table' }).click();
    const rows = chart.locator('tbody tr');
    await expect(rows).toHaveCount(31);
    await page.getByLabel('Group by').selectOption('week');
    await expect(rows).toHaveCount(5); // Thu 1 Oct - Sun 4 Oct, then four Monday-first weeks
    await expect(rows.first().locator('th')).toHaveText('Oct 1 – 4, 2026');
    await page.getByLabel('Group by').selectOption('month');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().locator('th')).toHaveText('October 2026');

    // Keyboard: arrow keys move through the range presets.
    await page.getByRole('radio', { name: 'This month' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('radio', { name: 'This week' })).toBeChecked();
    await expect(note).toContainText('Oct 26, 2026 to Nov 1, 2026');
    await page.getByRole('radio', { name: 'Today' }).click();
    await expect(note).toContainText('Oct 31, 2026 to Oct 31, 2026');
    await expect(messagesTile(page)).not.toHaveText(monthMessages ?? '');
    await page.getByLabel('Group by').selectOption('day');
    await expect(rows).toHaveCount(1);
    await chart.getByRole('button', { name: 'Table' }).click();
    await expect(chart.locator('canvas')).toHaveCount(1);

    // Allowances from the plan's estimate: October's ~25,000 messages are well past the 10,000 free ones.
    await page.getByRole('radio', { name: 'This month' }).click();
    await expect(page.getByRole('alert')).toContainText('Extra messages');
    await expect(page.getByRole('alert')).toContainText('of 10,000 free units used');

    await expect(note).toContainText('Oct 1, 2026 to Oct 31, 2026');
    await expect(chart.locator('canvas')).toHaveCount(1);
    // The README's screenshot: refreshed with UPDATE_SCREENSHOTS=1, so ordinary runs leave the tracked file alone.
    const shot = process.env.UPDATE_SCREENSHOTS ? 'public/screenshots/dashboard.png' : 'test-results/dashboard.png';
    await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1080 } });
    await page.screenshot({ path: 'test-results/dashboard-full.png', fullPage: true });

    // Agents grouped by queue, each row expandable.
    const agents = page.getByRole('region', { name: 'Agents by queue' });
    await expect(agents.getByText(/^Sales: 4 agents$/)).toBeVisible();
    await agents.getByRole('button', { name: 'Details of Ana Souza' }).click();
    await expect(agents.getByText('First activity')).toBeVisible();

    // Portuguese: translated labels and Brazilian number formatting.
    await page.getByLabel('Language').selectOption('pt-BR');
    await expect(page.getByRole('heading', { name: 'Consumo', level: 1 })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Este mês' })).toBeChecked();
    await expect(page.getByRole('figure', { name: 'Mensagens recebidas e enviadas' })).toBeVisible();
    await expect(note).toContainText('Dados até 31 de out. de 2026');
    await expect(messagesTile(page)).toHaveText(/^\d{1,3}(\.\d{3})+$/);
    await page.screenshot({ path: 'test-results/dashboard-pt-BR.png' });
    expect(cspErrors.filter((e) => /Content Security Policy|Refused/.test(e)), 'CSP violations').toEqual([]);
  });
});
