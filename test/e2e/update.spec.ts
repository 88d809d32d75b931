import { readFileSync, writeFileSync } from 'node:fs';
import { test, expect } from './support/fixtures';

const SW = `${process.env.TARIFA_DIST ?? 'dist'}/sw.js`;

test('a new version is offered, not applied, until the user says so', async ({ app, page }) => {
  await app.open();
  await app.waitForServiceWorker();
  // The user comes back to the installed app (a page that starts under the service worker's control).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const original = readFileSync(SW, 'utf8');
  try {
    // Publish a "new version": any byte change to the service worker script makes the browser install it.
    writeFileSync(SW, `${original}\n// next version ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.getByRole('status').filter({ hasText: 'A new version of Tarifa is ready.' });
    await expect(banner).toBeVisible();
    // Not applied on its own: the old worker still controls the page while the new one waits.
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())!.waiting)).toBe(true);
    await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Update now' }).click()]);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(banner).toHaveCount(0);
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())!.waiting)).toBe(false);
  } finally {
    writeFileSync(SW, original);
  }
});
