import { test, expect } from './support/fixtures';

test.describe('messages in the user language', () => {
  test('a file that stops the import is explained in Portuguese, naming the file of a job of several', async ({ app, page }) => {
    await app.open();
    const input = app.fileInput; // found by its English label, before the language changes
    const handle = await input.elementHandle();
    await page.getByLabel('Language').selectOption('pt-BR');
    await handle!.setInputFiles([
      { name: 'ok.csv', mimeType: 'text/csv', buffer: Buffer.from('timestamp,kind\n2025-01-01T10:00:00Z,message\n') },
      { name: 'datas.csv', mimeType: 'text/csv', buffer: Buffer.from('timestamp,kind\n01/02/2025 10:00,message\n03/04/2025 10:00,message\n') },
    ]);
    const box = page.getByRole('alert').filter({ hasText: 'datas.csv' });
    await expect(box).toHaveText(
      "Não foi possível importar o arquivo: datas.csv: Não dá para saber se datas como '01/02/2025 10:00' são dia/mês ou mês/dia. Escolha o formato da data em “Mapear colunas…”.",
      { timeout: 30_000 });
    await page.screenshot({ path: '/tmp/polish-failure-pt.png' });
  });
});
