import { readFile } from 'node:fs/promises';
import { test, expect } from './support/fixtures';

test.describe('clients: profitability, offers, follow-ups', () => {
  test('a flat rate that loses money is flagged with its proposed price; the offer is rendered, marked sent and followed up in 7 days', async ({ app, page }) => {
    await app.open();
    await app.loadSample();
    await expect(app.importCounts()).toContainText('imported', { timeout: 30_000 });
    await app.openClients();

    // Clients are the queue's values; the sample's Support queue handled 556.67 minutes over 75 inbound calls in September.
    const usage = page.getByTestId('clients-usage');
    await expect(usage.getByRole('row', { name: /^Support/ })).toContainText('556.67');
    await expect(usage.getByRole('row', { name: /^Support/ })).toContainText('75');

    // A monthly flat rate of €300 with a reference price of €0.80 a minute and 10 % tolerance.
    await page.getByRole('button', { name: 'New contract' }).click();
    const form = page.getByRole('form', { name: 'New contract' });
    await form.getByLabel('Contract name').fill('Support answering');
    await form.getByLabel('Client').selectOption('Support');
    await form.getByLabel('Currency').fill('EUR');
    await form.getByLabel('Reference price per minute').fill('0.80');
    await form.getByLabel('Tolerance (%)').fill('10');
    await form.getByLabel('Contact e-mail').fill('support-lead@example.com');
    await form.getByLabel('Monthly fee').fill('300');
    await form.getByRole('button', { name: 'Save contract' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Contract Support answering saved.' })).toBeVisible();

    // The contract exports as a tarifa.contract/1 file.
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Support answering' }).click();
    const file = await exported;
    expect(file.suggestedFilename()).toBe('support-answering.contract.json');
    const json = JSON.parse(await readFile(await file.path(), 'utf8'));
    expect(json).toMatchObject({ format: 'tarifa.contract/1', client: 'Support', currency: 'EUR', terms: { kind: 'flat', monthlyFee: '300' } });

    // September: 556.67 min × 0.80 = €445.33 > €300 × 1.10 = €330.00: flagged; proposal 445.33 rounded down to a ten.
    const check = page.getByRole('region', { name: 'Support answering: Support' });
    const sept = check.getByRole('row', { name: /September 2026/ });
    await expect(sept).toContainText('€445.33');
    await expect(sept).toContainText('€330.00');
    await expect(sept.getByTestId('profit-flag')).toHaveText(/Beyond tolerance/);
    await expect(sept.getByTestId('profit-proposal')).toHaveText('€440.00 a month');

    await sept.getByRole('button', { name: /Draft offer/ }).click();
    const preview = page.getByTestId('offer-preview');
    await expect(preview).toContainText('Your monthly flat rate for Support');
    await expect(preview).toContainText('556.67 minutes over 75 calls');
    await expect(preview).toContainText('this work costs €445.33, while your monthly flat rate is €300.00');
    await expect(preview).toContainText('we propose a new monthly flat rate of €440.00, from next month');
    await expect(page.getByTestId('offer-legend')).toContainText('{0} tolerance %');
    const mailto = await page.getByRole('link', { name: 'Open in mail app' }).getAttribute('href');
    expect(mailto).toMatch(/^mailto:support-lead%40example\.com\?subject=Your%20monthly%20flat%20rate%20for%20Support&body=/);
    await page.screenshot({ path: '/tmp/clients-offer.png', fullPage: true });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download .txt' }).click();
    expect((await download).suggestedFilename()).toBe('offer-support-september-2026.txt');

    await page.getByRole('button', { name: 'Mark as sent' }).click();
    const due = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.now() + 7 * 86_400_000);
    await expect(page.getByTestId('offer-status')).toHaveText(`Offer marked as sent. Follow-up due ${due}.`);
    const upcoming = page.getByTestId('tasks-upcoming');
    await expect(upcoming).toContainText(`Follow up the offer to Support (September 2026) — due ${due}`);

    // Done, then undone; the task survives a reload (IndexedDB).
    await upcoming.getByRole('button', { name: /Mark done/ }).click();
    await expect(page.getByTestId('tasks-done')).toContainText('Follow up the offer to Support');
    await page.getByTestId('tasks-done').getByRole('button', { name: /Undo/ }).click();
    await expect(page.getByTestId('tasks-upcoming')).toContainText(`due ${due}`);
    await page.reload();
    await app.openClients();
    await expect(page.getByTestId('tasks-upcoming')).toContainText(`Follow up the offer to Support (September 2026) — due ${due}`);
    await page.screenshot({ path: '/tmp/clients-page.png', fullPage: true });
  });
});
