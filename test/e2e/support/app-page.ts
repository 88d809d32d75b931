import { expect, type Locator, type Page } from '@playwright/test';

/** Page model: what a user sees and does in Tarifa, in their words. */
export class AppPage {
  constructor(readonly page: Page) {}

  async open(path = '/') {
    await this.page.goto(path);
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  get fileInput(): Locator {
    return this.page.getByLabel('Usage file', { exact: true });
  }

  async importFile(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.fileInput.setInputFiles(file);
  }

  /** Drops files on the drop zone, as a drag from the file manager does (one DataTransfer with every file). */
  async dropFiles(files: { name: string; mimeType: string; buffer: Buffer }[]) {
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.mimeType }));
      return dt;
    }, files.map((f) => ({ name: f.name, mimeType: f.mimeType, bytes: [...f.buffer] })));
    await this.page.locator('.dropzone').dispatchEvent('drop', { dataTransfer });
  }

  /** "Add files…" of a dataset in the list. */
  async addFiles(datasetName: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
    await this.page.getByLabel(`Add files to ${datasetName}`, { exact: true }).setInputFiles(files);
  }

  /** The mapping screen, shown for a file no preset reads (or after "Map columns…"). */
  mappingScreen(): Locator {
    return this.page.getByRole('region', { name: /^Map the columns of / });
  }

  /** The field a column of the file feeds, on the mapping screen. */
  fieldOfColumn(column: string): Locator {
    return this.page.getByLabel(`Field of column ${column}`, { exact: true });
  }

  async loadSample() {
    await this.page.getByRole('button', { name: 'Load sample data' }).click();
  }

  importCounts(): Locator {
    return this.page.getByTestId('import-counts');
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  datasetItems(): Locator {
    return this.page.locator('.datasets li');
  }

  /** The Clients page (profitability checks, offers, follow-ups), waiting for the handled calls per client. */
  async openClients() {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
    await expect(this.page.getByTestId('clients-usage')).toBeVisible();
  }

  /** The Simulate page, waiting for the first comparison of the chosen plans. */
  async openSimulate() {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Simulate' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Simulate' })).toBeVisible();
    await expect(this.page.getByTestId('sim-total-0')).toBeVisible({ timeout: 30_000 });
  }

  /** A plan's total in the Simulate comparison (its column, counted from 0). */
  simulateTotal(index: number): Locator {
    return this.page.getByTestId(`sim-total-${index}`);
  }

  async openEstimate(datasetName?: string) {
    if (datasetName) {
      await this.datasetItems().filter({ hasText: datasetName }).getByRole('button', { name: 'Show estimate' }).click();
    } else {
      await this.page.getByRole('navigation').getByRole('link', { name: 'Estimate' }).click();
    }
    await expect(this.page.getByTestId('estimate-total')).toBeVisible();
  }

  estimateTotal(): Locator {
    return this.page.getByTestId('estimate-total');
  }

  /** Waits until the service worker controls the page, so the app works offline from here. */
  async waitForServiceWorker() {
    await this.page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.ready;
      return !!reg.active && !!navigator.serviceWorker.controller;
    }, undefined, { timeout: 30_000 }).catch(async () => {
      // First load: the SW activates but does not claim until reload.
      await this.page.reload();
      await this.page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
    });
  }
}
