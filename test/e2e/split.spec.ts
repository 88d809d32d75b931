import { readFile } from 'node:fs/promises';
import { test, expect } from './support/fixtures';

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
};

/** "1234.57" -> 123457, exactly (no floating point). */
const cents = (amount: string): number => {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!m) throw new Error(`not an amount with at most 2 decimals: '${amount}'`);
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
};

test.describe('cost-centre split', () => {
  test('Sales and Support from the queue field split an invoice total; the CSV adds up to it to the cent', async ({ app, page }) => {
    await app.open();
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Split' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Split by cost centre' })).toBeVisible();

    // Define the centres and assign the queue's values to them.
    for (const name of ['Sales', 'Support']) {
      await page.getByLabel('New cost centre').fill(name);
      await page.getByRole('button', { name: 'Add centre' }).click();
    }
    await page.getByLabel('Cost centre for Sales').selectOption({ label: 'Sales' });
    await page.getByLabel('Cost centre for Support').selectOption({ label: 'Support' });
    await expect(page.getByTestId('centre-sales')).toBeVisible();
    await expect(page.getByTestId('split-total')).toHaveText('$953.00');

    // The vendor's invoice: a validated decimal total.
    await page.getByRole('radio', { name: "The vendor's invoice" }).check();
    await page.getByLabel('Invoice total').fill('1,234.57');
    await expect(page.getByRole('alert')).toContainText('Enter an amount such as 1200.00');
    const total = '1234.57';
    await page.getByLabel('Invoice total').fill(total);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByTestId('split-total')).toHaveText('$1,234.57');
    await expect(page.getByTestId('split-unattributed')).toContainText('matched no rule');
    await page.screenshot({ path: 'test-results/split.png', fullPage: true });

    // Export the CSV and add its amounts up as integer cents.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('tarifa-split.csv');
    const rows = parseCsv(await readFile(await download.path(), 'utf8'));
    const [header, ...data] = rows;
    expect(header).toEqual(['cycle_start', 'cycle_end', 'centre', 'centre_label', 'charge', 'line', 'key', 'kind', 'amount', 'ratio', 'driver', 'driver_quantity', 'method']);
    const col = (name: string) => header.indexOf(name);
    expect(new Set(data.map((r) => r[col('centre')]))).toEqual(new Set(['sales', 'support']));
    expect(data.every((r) => r.length === header.length)).toBe(true);
    const sum = data.reduce((s, r) => s + cents(r[col('amount')]), 0);
    expect(sum).toBe(cents(total));

    // Print-friendly: the report hides the controls when printed.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
    await expect(page.getByTestId('split-total')).toBeVisible();
    await page.screenshot({ path: 'test-results/split-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
