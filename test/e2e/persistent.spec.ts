/**
 * Data that survives (issue #8): each test launches its own Chromium on a persistent profile (a temp user-data-dir),
 * closes it and launches it again on the same profile, as a user closing and reopening the browser would. The default
 * Playwright context is off the record (IndexedDB in memory), so the shared fixtures cannot show this.
 * Like every e2e test, each fails on any request to another origin.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import config from '../../playwright.config';
import { AppPage } from './support/app-page';

const baseURL = config.use!.baseURL!;
const origin = new URL(baseURL).origin;

/** A browser on `profile`, with the suite's launch options; requests to other origins are collected. */
const launch = async (profile: string, foreign: string[]): Promise<{ context: BrowserContext; page: Page; app: AppPage }> => {
  const context = await chromium.launchPersistentContext(profile, {
    ...config.use!.launchOptions,
    baseURL, locale: 'en-US', timezoneId: 'UTC', acceptDownloads: true, viewport: { width: 1280, height: 720 },
  });
  open.push(context);
  context.on('request', (req) => {
    const url = req.url();
    if (!/^(data|blob|chrome-extension|about):/.test(url) && new URL(url).origin !== origin) foreign.push(url);
  });
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page, app: new AppPage(page) };
};

/** What IndexedDB holds, read straight from the page (not through the app). */
const stored = (page: Page) => page.evaluate(() => new Promise<{ datasets: { status: string; chunkCount: number }[]; chunks: number }>((resolve, reject) => {
  const request = indexedDB.open('tarifa');
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const db = request.result;
    if (!db.objectStoreNames.contains('datasets')) {
      db.close();
      resolve({ datasets: [], chunks: 0 });
      return;
    }
    const tx = db.transaction(['datasets', 'chunks'], 'readonly');
    const all = tx.objectStore('datasets').getAll();
    const count = tx.objectStore('chunks').count();
    tx.oncomplete = () => {
      db.close();
      resolve({ datasets: (all.result as { status: string; chunkCount: number }[]).map((d) => ({ status: d.status, chunkCount: d.chunkCount })), chunks: count.result });
    };
    tx.onerror = () => reject(tx.error);
  };
}));

/** The estimate page's tables as text: two equal texts are two equal estimates, line by line. */
const estimateText = async (app: AppPage) => {
  await app.openEstimate();
  return (await app.page.locator('main table').allInnerTexts()).join('\n---\n');
};

let profile: string;
let foreign: string[];
/** Browsers this test launched: a failed test still closes them before its profile is removed. */
const open: BrowserContext[] = [];
test.beforeEach(() => {
  profile = mkdtempSync(join(tmpdir(), 'tarifa-profile-'));
  foreign = [];
});
test.afterEach(async () => {
  for (const context of open.splice(0)) await context.close().catch(() => undefined);
  rmSync(profile, { recursive: true, force: true });
  expect(foreign, 'requests to other origins').toEqual([]);
});

test('closing the browser in the middle of an import leaves no half dataset, and the next start says so', async () => {
  test.setTimeout(180_000);
  // About 1.2 million events (~60 MB): long enough to close the browser while chunks are being written.
  const csv = join(profile, '..', `${profile.split('/').pop()}-big.csv`);
  const rows: string[] = ['timestamp,kind,contact,channel,direction'];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < 1_200_000; i++) {
    rows.push(`${new Date(start + i * 1000).toISOString()},message,+55119${String(i % 50_000).padStart(8, '0')},wa,${i % 2 ? 'inbound' : 'outbound'}`);
  }
  writeFileSync(csv, rows.join('\n') + '\n');
  try {
    const first = await launch(profile, foreign);
    await first.app.open();
    await first.app.importFile(csv);
    // Wait until the import has really written part of the dataset, then close the whole browser.
    await expect.poll(async () => {
      const s = await stored(first.page);
      return s.datasets.some((d) => d.status === 'importing' && d.chunkCount > 0) && s.chunks > 0;
    }, { timeout: 60_000, intervals: [50] }).toBe(true);
    await first.context.close();

    const second = await launch(profile, foreign);
    await second.app.open();
    await expect(second.page.getByTestId('interrupted-imports')).toContainText(`An import was interrupted before it finished (the tab or browser closed): ${csv.split('/').pop()}.`);
    await expect.poll(() => stored(second.page), { timeout: 15_000 }).toEqual({ datasets: [], chunks: 0 });
    await expect(second.app.datasetItems()).toHaveCount(0);
    // Told once: the next start is quiet.
    await second.page.reload();
    await expect(second.page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(second.page.getByTestId('interrupted-imports')).toHaveCount(0);
    await second.context.close();
  } finally {
    rmSync(csv, { force: true });
  }
});

test('data and app survive closing the browser and reopening it offline', async () => {
  test.setTimeout(120_000);
  const first = await launch(profile, foreign);
  await first.app.open();
  await first.app.waitForServiceWorker();
  await first.app.loadSample();
  await expect(first.app.importCounts()).toBeVisible();
  const before = await estimateText(first.app);
  const total = await first.app.estimateTotal().textContent();
  await first.context.close();

  const second = await launch(profile, foreign);
  await second.context.setOffline(true);
  await second.app.open();
  await expect(second.app.datasetItems()).toHaveCount(1);
  await expect(second.app.datasetItems()).toContainText('Sample');
  expect(await estimateText(second.app)).toBe(before);
  await expect(second.app.estimateTotal()).toHaveText(total!);
  await second.page.getByRole('navigation').getByRole('link', { name: 'About your data' }).click();
  await expect(second.page.getByTestId('about-tables')).toContainText('chunks');
  await second.context.close();
});

test('backup, delete all data, restore: the same estimates; an encrypted backup refuses a wrong passphrase', async () => {
  test.setTimeout(180_000);
  const { context, page, app } = await launch(profile, foreign);
  await app.open();
  await app.loadSample();
  await expect(app.importCounts()).toBeVisible();
  const before = await estimateText(app);

  // Backup, encrypted with a passphrase.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Passphrase (optional)').fill('correct horse battery staple');
  await page.getByLabel('Repeat the passphrase').fill('correct horse battery staple');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download backup' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^tarifa-\d{4}-\d{2}-\d{2}\.tarifa-backup$/);
  const backupPath = join(profile, file.suggestedFilename());
  await file.saveAs(backupPath);
  await expect(page.getByTestId('backup-done')).toContainText('encrypted with your passphrase');

  // Delete all data: confirmed, then the workspace is empty and the app still works.
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await expect(page.getByTestId('delete-done')).toHaveText('All data was deleted. The workspace is empty.');
  expect(await stored(page)).toEqual({ datasets: [], chunks: 0 });
  await page.getByRole('navigation').getByRole('link', { name: 'Data', exact: true }).click();
  await expect(app.datasetItems()).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Load sample data' })).toBeEnabled();

  // Restore: a wrong passphrase changes nothing; the right one brings everything back.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Backup file').setInputFiles(backupPath);
  await expect(page.getByText('This backup is encrypted: enter its passphrase.')).toBeVisible();
  await page.getByLabel('Passphrase of the backup').fill('wrong horse');
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, replace' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was restored' })).toContainText('Wrong passphrase for this backup.');
  expect(await stored(page)).toEqual({ datasets: [], chunks: 0 });
  await page.getByLabel('Passphrase of the backup').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, replace' }).click();
  await expect(page.getByTestId('restore-done')).toContainText('Restored 1 datasets');
  await page.screenshot({ path: '/tmp/backup-settings.png', fullPage: true });
  expect(await estimateText(app)).toBe(before);

  // And it is stored for good: the same after closing and reopening the browser.
  await context.close();
  const again = await launch(profile, foreign);
  await again.app.open();
  expect(await estimateText(again.app)).toBe(before);
  await again.page.getByRole('navigation').getByRole('link', { name: 'About your data' }).click();
  await expect(again.page.getByTestId('about-tables')).toBeVisible();
  await again.page.screenshot({ path: '/tmp/backup-about.png', fullPage: true });
  await again.context.close();
});

/** The stored shape of the first chunk row: its own field names as IndexedDB holds them. */
const firstChunkFields = (page: Page) => page.evaluate(() => new Promise<string[]>((resolve, reject) => {
  const request = indexedDB.open('tarifa');
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const db = request.result;
    const get = db.transaction('chunks', 'readonly').objectStore('chunks').openCursor();
    get.onsuccess = () => {
      resolve(get.result ? Object.keys(get.result.value as object).sort() : []);
      db.close();
    };
    get.onerror = () => reject(get.error);
  };
}));

test('an encrypted workspace refuses a wrong passphrase and opens with the right one', async () => {
  test.setTimeout(180_000);
  const first = await launch(profile, foreign);
  await first.app.open();
  await first.app.loadSample();
  await expect(first.app.importCounts()).toBeVisible();
  const before = await estimateText(first.app);
  expect(await firstChunkFields(first.page)).toContain('columns');

  await first.page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await first.page.getByLabel('New passphrase (at least 8 characters)').fill('tarifa secret 42');
  await first.page.getByLabel('Repeat the new passphrase').fill('tarifa secret 42');
  await first.page.getByRole('button', { name: 'Encrypt this workspace' }).click();
  await expect(first.page.getByTestId('workspace-encrypted')).toBeVisible({ timeout: 60_000 });
  // On disk: the chunk's columns are gone into its sealed part.
  expect(await firstChunkFields(first.page)).toEqual(['$sealed', 'datasetId', 'index']);
  await first.context.close();

  const second = await launch(profile, foreign);
  await second.page.goto('/');
  await expect(second.page.getByRole('heading', { level: 1, name: 'This workspace is encrypted' })).toBeVisible();
  await expect(second.page.getByRole('navigation')).toHaveCount(0);
  await second.page.getByLabel('Passphrase', { exact: true }).fill('tarifa secret 43');
  await second.page.getByRole('button', { name: 'Open workspace' }).click();
  await expect(second.page.getByRole('alert')).toHaveText('Wrong passphrase: the workspace stays locked.');
  await expect(second.page.getByRole('navigation')).toHaveCount(0);
  await second.page.getByLabel('Passphrase', { exact: true }).fill('tarifa secret 42');
  await second.page.getByRole('button', { name: 'Open workspace' }).click();
  await expect(second.app.datasetItems()).toHaveCount(1);
  expect(await estimateText(second.app)).toBe(before);
  await second.page.getByRole('navigation').getByRole('link', { name: 'About your data' }).click();
  await expect(second.page.getByTestId('about-encryption')).toContainText('This workspace is encrypted at rest');
  await second.context.close();
});

test('changing the workspace passphrase: after reopening the old one is refused, the new one opens; then encryption is turned off', async () => {
  test.setTimeout(240_000);
  const first = await launch(profile, foreign);
  await first.app.open();
  await first.app.loadSample();
  await expect(first.app.importCounts()).toBeVisible();
  const before = await estimateText(first.app);
  await first.page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await first.page.getByLabel('New passphrase (at least 8 characters)').fill('first secret 1');
  await first.page.getByLabel('Repeat the new passphrase').fill('first secret 1');
  await first.page.getByRole('button', { name: 'Encrypt this workspace' }).click();
  await expect(first.page.getByTestId('workspace-encrypted')).toBeVisible({ timeout: 60_000 });

  const change = first.page.getByRole('form', { name: 'Change the passphrase' });
  // A wrong current passphrase changes nothing.
  await change.getByLabel('Current passphrase').fill('not the secret');
  await change.getByLabel('New passphrase (at least 8 characters)').fill('second secret 2');
  await change.getByLabel('Repeat the new passphrase').fill('second secret 2');
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change.getByRole('alert')).toHaveText('The current passphrase is wrong. Nothing was changed.');
  await change.getByLabel('Current passphrase').fill('first secret 1');
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change.getByRole('status')).toHaveText('The passphrase was changed. From now on only the new one opens this workspace.', { timeout: 60_000 });
  await first.page.screenshot({ path: '/tmp/passphrase-settings.png', fullPage: true });
  expect(await firstChunkFields(first.page)).toEqual(['$sealed', 'datasetId', 'index']);
  await first.context.close();

  const second = await launch(profile, foreign);
  await second.page.goto('/');
  await expect(second.page.getByRole('heading', { level: 1, name: 'This workspace is encrypted' })).toBeVisible();
  await second.page.getByLabel('Passphrase', { exact: true }).fill('first secret 1');
  await second.page.getByRole('button', { name: 'Open workspace' }).click();
  await expect(second.page.getByRole('alert')).toHaveText('Wrong passphrase: the workspace stays locked.');
  await expect(second.page.getByRole('navigation')).toHaveCount(0);
  await second.page.getByLabel('Passphrase', { exact: true }).fill('second secret 2');
  await second.page.getByRole('button', { name: 'Open workspace' }).click();
  await expect(second.app.datasetItems()).toHaveCount(1);
  expect(await estimateText(second.app)).toBe(before);

  // Turning encryption off writes everything back plain; the next start asks for nothing.
  await second.page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  const off = second.page.getByRole('form', { name: 'Turn encryption off' });
  await off.getByLabel('Current passphrase').fill('second secret 2');
  await off.getByRole('button', { name: 'Turn encryption off' }).click();
  await expect(second.page.getByText('Encryption is off: this workspace is now stored unencrypted.')).toBeVisible({ timeout: 60_000 });
  expect(await firstChunkFields(second.page)).toContain('columns');
  await second.context.close();

  const third = await launch(profile, foreign);
  await third.app.open();
  await expect(third.page.getByRole('heading', { level: 1, name: 'This workspace is encrypted' })).toHaveCount(0);
  await expect(third.app.datasetItems()).toHaveCount(1);
  expect(await estimateText(third.app)).toBe(before);
  await third.context.close();
});

test('another open tab locks when the workspace is encrypted or its passphrase changed, and opens with the new passphrase', async () => {
  test.setTimeout(240_000);
  const { context, app } = await launch(profile, foreign);
  await app.open();
  await app.loadSample();
  await expect(app.importCounts()).toBeVisible();
  const other = new AppPage(await context.newPage());
  await other.open();
  await expect(other.datasetItems()).toHaveCount(1);
  const lockHeading = other.page.getByRole('heading', { level: 1, name: 'This workspace is encrypted' });

  await app.page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await app.page.getByLabel('New passphrase (at least 8 characters)').fill('first secret 1');
  await app.page.getByLabel('Repeat the new passphrase').fill('first secret 1');
  await app.page.getByRole('button', { name: 'Encrypt this workspace' }).click();
  await expect(app.page.getByTestId('workspace-encrypted')).toBeVisible({ timeout: 60_000 });
  await expect(lockHeading).toBeVisible();
  await other.page.getByLabel('Passphrase', { exact: true }).fill('first secret 1');
  await other.page.getByRole('button', { name: 'Open workspace' }).click();
  await expect(other.datasetItems()).toHaveCount(1);

  const change = app.page.getByRole('form', { name: 'Change the passphrase' });
  await change.getByLabel('Current passphrase').fill('first secret 1');
  await change.getByLabel('New passphrase (at least 8 characters)').fill('second secret 2');
  await change.getByLabel('Repeat the new passphrase').fill('second secret 2');
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change.getByRole('status')).toContainText('The passphrase was changed', { timeout: 60_000 });
  await expect(lockHeading).toBeVisible();
  await other.page.getByLabel('Passphrase', { exact: true }).fill('first secret 1');
  await other.page.getByRole('button', { name: 'Open workspace' }).click();
  await expect(other.page.getByRole('alert')).toHaveText('Wrong passphrase: the workspace stays locked.');
  await other.page.getByLabel('Passphrase', { exact: true }).fill('second secret 2');
  await other.page.getByRole('button', { name: 'Open workspace' }).click();
  await expect(other.datasetItems()).toHaveCount(1);
  await context.close();
});
