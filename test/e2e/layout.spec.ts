import type { Locator } from '@playwright/test';
import { test, expect } from './support/fixtures';

/** The distinct top edges of a list of boxes: one value means they stand on one line. */
const rows = async (items: Locator): Promise<number> => {
  const tops = await items.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  return new Set(tops).size;
};

const lineCount = async (el: Locator): Promise<number> =>
  el.evaluate((e) => {
    const s = getComputedStyle(e);
    const content = e.getBoundingClientRect().height - ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth']
      .reduce((sum, k) => sum + parseFloat(s[k as 'paddingTop']), 0);
    return Math.round(content / parseFloat(s.lineHeight));
  });

test.describe('layout at 1280 × 720', () => {
  test('the main navigation stays on one line in every language, and a dataset\'s actions do not wrap', async ({ app, page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await app.open();
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    const links = page.getByRole('navigation').getByRole('link');
    const addFiles = app.datasetItems().filter({ hasText: 'Sample' }).locator('label', { hasText: /…/ });
    for (const language of ['en', 'pt-BR', 'es']) {
      await page.getByLabel(/^(Language|Idioma)$/).selectOption(language);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(links).toHaveCount(9);
      expect(await rows(links), `nav rows in ${language}`).toBe(1);
      for (const link of await links.all()) expect(await lineCount(link), `${await link.textContent()} in ${language}`).toBe(1);
      expect(await lineCount(addFiles), `'Add files…' in ${language}`).toBe(1);
    }
    // Every file picker is the app's button (a visually hidden input before its label), none the browser's own control.
    await page.getByLabel(/^(Language|Idioma)$/).selectOption('en');
    for (const name of ['Data', 'Dashboard', 'Split', 'Simulate', 'Clients', 'Plans', 'Settings']) {
      await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const pickers = page.locator('main input[type=file]');
      await expect(pickers.first()).toBeAttached();
      for (const picker of await pickers.all()) {
        await expect(picker, `a file input on ${name}`).toHaveClass(/visually-hidden-input/);
        await expect(picker.locator('xpath=following-sibling::label[1]'), `its button on ${name}`).toHaveClass(/button/);
      }
    }
    await expect(page.getByText('Choose a backup file…')).toBeVisible();
    // Simulate: the TCO totals are in view under their months (24 by default), not clipped inside a scroll box.
    await app.openSimulate();
    const tcoTotal = page.getByTestId('sim-tco-0');
    await expect(tcoTotal).toBeVisible({ timeout: 30_000 });
    // No box between the table and the page scrolls vertically (the page itself may).
    const clippedBy = async (cell: Locator) => cell.evaluate((c) => {
      for (let el = c.parentElement; el && el !== document.body; el = el.parentElement) {
        if (getComputedStyle(el).overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1) return el.className;
      }
      return null;
    });
    expect(await clippedBy(tcoTotal)).toBeNull();
    expect(await clippedBy(page.getByTestId('sim-total-0'))).toBeNull();
    // Dashboard: the channel table shows all its columns (Total) without a horizontal scroll bar.
    await page.getByRole('navigation').getByRole('link', { name: 'Dashboard', exact: true }).click();
    const channels = page.getByRole('region', { name: 'Inbound and outbound per channel' }).locator('.table-scroll');
    await expect(channels).toBeVisible({ timeout: 30_000 });
    expect(await channels.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
    // Links in page text use the app's colour, not the browser's default blue.
    await page.getByRole('navigation').getByRole('link').last().click();
    const color = await page.locator('main a[href="#/settings"]').evaluate((a) => getComputedStyle(a).color);
    expect(color).not.toBe('rgb(0, 0, 238)');
  });
});
