// @vitest-environment jsdom
// Restore errors are said in the user's language (issue #7 / #8): the worker gives a code beside its English message.
import 'fake-indexeddb/auto';
import { Blob as NodeBlob, File as NodeFile } from 'node:buffer';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { TarifaDb } from '../../src/storage/db';
import { createApi } from '../../src/worker/api';
import { ServicesProvider } from '../../src/ui/app/store-context';
import { RestorePanel } from '../../src/ui/features/backup/RestorePanel';

let n = 0;
const dbs: TarifaDb[] = [];
afterEach(async () => {
  cleanup();
  for (const db of dbs.splice(0)) await db.delete();
});

const setup = (locale: 'en' | 'pt-BR' | 'es') => {
  const db = new TarifaDb(`tarifa-restore-panel-${process.pid}-${n++}`);
  dbs.push(db);
  const api = createApi({ db });
  const store = createAppStore({ api, initialLocale: locale, fetchDefaultPlan: async () => ({}), fetchShippedPlans: async () => [] });
  render(<ServicesProvider store={store} api={api}><RestorePanel /></ServicesProvider>);
};
// jsdom's Blob and File cannot be streamed; the ones a browser hands over can, like Node's (the worker reads them).
Object.assign(globalThis, { Blob: NodeBlob, File: NodeFile });
const choose = (label: string, file: NodeFile) => fireEvent.change(screen.getByLabelText(label, { selector: 'input' }), { target: { files: [file] } });

describe('restore panel', () => {
  it('says that a foreign file is no backup, in Portuguese', async () => {
    setup('pt-BR');
    choose('Arquivo de backup', new NodeFile(['timestamp,kind\n'], 'usage.csv'));
    expect((await screen.findByRole('alert')).textContent).toContain('Este não é um arquivo de backup do Tarifa.');
  });

  it('says that a truncated backup is incomplete, in Spanish and English', async () => {
    setup('es');
    choose('Archivo de copia de seguridad', new NodeFile([new Uint8Array([...new TextEncoder().encode('TARIFABK'), 1, 0])], 'w.tarifa-backup'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/incompleto|dañado|no es un archivo/);
    cleanup();
    setup('en');
    choose('Backup file', new NodeFile(['not a backup'], 'x.tarifa-backup'));
    expect((await screen.findByRole('alert')).textContent).toContain('This is not a Tarifa backup file.');
  });
});
