import { test, expect } from './support/fixtures';

// The sample (two months of WhatsApp on one number, September and October 2026, America/Sao_Paulo) compared on the
// two shipped plans the page starts with: the seat plan and WhatsApp per-message pricing (both USD).
test.describe('simulate', () => {
  test('compares two shipped plans on the sample; the growth knob re-prices the later month', async ({ app, page }) => {
    await app.open();
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    await app.openSimulate();

    const table = page.getByRole('table', { name: 'Plans side by side' });
    await expect(table.getByRole('columnheader')).toHaveText(['Cycle from', 'Seat plan', /WhatsApp per-message pricing/]);
    await expect(app.simulateTotal(0)).toHaveText('$953.00');
    await expect(app.simulateTotal(1)).toHaveText('$53.46 ★(cheapest)');
    await expect(page.getByTestId('sim-cheapest')).toHaveText(/^Cheapest: WhatsApp per-message pricing .*, \$53\.46 in total\.$/);
    // The line that makes the difference: the seat plan's base fee.
    await expect(page.getByRole('row', { name: /^Base fee \(5 seats, 10,000 messages\) \$0\.00 \$398\.00 \+\$398\.00$/ })).toBeVisible();

    // 15% monthly growth: September stays (the first month), October grows by 15% (whole contacts).
    await page.getByTestId('knob-growth').fill('15');
    await expect(app.simulateTotal(0)).toHaveText('$968.00');
    await expect(app.simulateTotal(1)).toHaveText('$56.54 ★(cheapest)');
    await expect(page.getByTestId('sim-cell-2026-09-0')).toHaveText('$474.00');
    await expect(page.getByTestId('sim-cell-2026-10-0')).toHaveText('$494.00');
    await expect(page.getByTestId('sim-status')).toHaveText(/^53,601 simulated events from 50,071 measured/);

    // The chart has its table view, and every control is reachable by keyboard.
    await page.getByRole('figure', { name: /Total cost by usage multiplier/ }).getByRole('button', { name: 'Table' }).click();
    await expect(page.getByRole('table', { name: 'Total cost by usage multiplier' }).getByRole('row', { name: /^1\.00× \$968\.00 \$56\.54$/ })).toBeVisible();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: '/tmp/simulate-page.png', fullPage: true });
  });
});
