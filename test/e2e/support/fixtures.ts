import { test as base, expect, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/**
 * Every e2e test records every request the page makes (including the worker's and the service worker's) and fails
 * if any goes to another origin: Tarifa's data never leaves the machine.
 */
export const test = base.extend<{ app: AppPage; foreignRequests: string[] }>({
  foreignRequests: async ({ context, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const foreign: string[] = [];
    context.on('request', (req) => {
      const url = req.url();
      if (/^(data|blob|chrome-extension|about):/.test(url)) return;
      if (new URL(url).origin !== origin) foreign.push(url);
    });
    await use(foreign);
    expect(foreign, 'requests to other origins').toEqual([]);
  },
  app: async ({ page, foreignRequests }, use) => {
    void foreignRequests;
    await use(new AppPage(page));
  },
});

export { expect };
export type { Page };
