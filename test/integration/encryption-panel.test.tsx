// @vitest-environment jsdom
// The Settings form of issue #8 (change the workspace passphrase, turn encryption off) on the real worker API.
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';
import { installSealing } from '../../src/storage/crypto-workspace';
import { TarifaDb } from '../../src/storage/db';
import { createApi } from '../../src/worker/api';
import { ServicesProvider } from '../../src/ui/app/store-context';
import { EncryptionPanel } from '../../src/ui/features/backup/EncryptionPanel';

let n = 0;
const dbs: TarifaDb[] = [];
afterEach(async () => {
  cleanup();
  for (const db of dbs.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** The panel with the real worker API on a fake-indexeddb workspace that has sealing installed, as the worker does. */
const setup = async () => {
  const name = `tarifa-encryption-panel-${process.pid}-${n++}`;
  const db = new TarifaDb(name);
  dbs.push(db);
  const sealing = installSealing(db);
  const api = createApi({ db });
  await api.savePlan({ ...(await import('../fixtures/seat-plan.json')).default, name: 'Secret plan', description: 'kept secret' } as never);
  await sealing.enable('old passphrase', 1000);
  const store = createAppStore({ api, fetchDefaultPlan: async () => ({}), fetchShippedPlans: async () => [] });
  render(<ServicesProvider store={store} api={api}><EncryptionPanel /></ServicesProvider>);
  /** What a freshly started tab finds: which passphrase opens the workspace now. */
  const opens = async (passphrase: string) => {
    const other = new TarifaDb(name);
    const s = installSealing(other);
    try {
      await s.unlock(passphrase);
      return (await other.plans.toArray()).map((p) => p.name);
    } catch {
      return null;
    } finally {
      other.close();
    }
  };
  return { db, store, opens };
};

const type = (label: HTMLElement, value: string) => fireEvent.change(label, { target: { value } });

describe('EncryptionPanel on an encrypted workspace', () => {
  it('changes the passphrase: a wrong current one is refused and a cancel changes nothing; then the new one opens it, the old does not', { timeout: 60_000 }, async () => {
    const { opens } = await setup();
    const form = within(await screen.findByRole('form', { name: 'Change the passphrase' }));
    const button = form.getByRole('button', { name: 'Change passphrase' });
    type(form.getByLabelText('Current passphrase'), 'not the one');
    type(form.getByLabelText('New passphrase (at least 8 characters)'), 'new passphrase');
    type(form.getByLabelText('Repeat the new passphrase'), 'new passphrasE');
    expect(form.getByText('The two passphrases differ.')).toBeTruthy();
    expect((button as HTMLButtonElement).disabled).toBe(true);
    type(form.getByLabelText('Repeat the new passphrase'), 'new passphrase');
    expect((button as HTMLButtonElement).disabled).toBe(false);

    fireEvent.click(button);
    expect((await form.findByRole('alert')).textContent).toBe('The current passphrase is wrong. Nothing was changed.');
    expect(await opens('old passphrase')).toEqual(['Secret plan']);
    expect(await opens('new passphrase')).toBeNull();

    // Cancelled while it runs (progress and a Cancel button show): nothing changed.
    type(form.getByLabelText('Current passphrase'), 'old passphrase');
    fireEvent.click(button);
    expect(form.getByRole('progressbar', { name: 'Change the passphrase' })).toBeTruthy();
    fireEvent.click(form.getByRole('button', { name: 'Cancel' }));
    expect((await form.findByRole('alert')).textContent).toBe('Cancelled. Nothing was changed: the current passphrase still opens the workspace.');
    expect(await opens('old passphrase')).toEqual(['Secret plan']);

    type(form.getByLabelText('Current passphrase'), 'old passphrase');
    type(form.getByLabelText('New passphrase (at least 8 characters)'), 'new passphrase');
    type(form.getByLabelText('Repeat the new passphrase'), 'new passphrase');
    fireEvent.click(button);
    expect((await form.findByText('The passphrase was changed. From now on only the new one opens this workspace.')).getAttribute('role')).toBe('status');
    expect((form.getByLabelText('Current passphrase') as HTMLInputElement).value).toBe('');
    expect(await opens('old passphrase')).toBeNull();
    expect(await opens('new passphrase')).toEqual(['Secret plan']);
  });

  it('turns encryption off with the current passphrase (in Portuguese), then offers to encrypt again', { timeout: 60_000 }, async () => {
    const { store, db } = await setup();
    act(() => store.getState().setLocale('pt-BR'));
    const form = within(await screen.findByRole('form', { name: 'Desativar a criptografia' }));
    type(form.getByLabelText('Frase-senha atual'), 'wrong passphrase');
    fireEvent.click(form.getByRole('button', { name: 'Desativar a criptografia' }));
    expect((await form.findByRole('alert')).textContent).toBe('A frase-senha atual está incorreta. Nada foi alterado.');
    expect(await installSealing(db).status()).toEqual({ encrypted: true, unlocked: true });

    type(form.getByLabelText('Frase-senha atual'), 'old passphrase');
    fireEvent.click(form.getByRole('button', { name: 'Desativar a criptografia' }));
    expect(await screen.findByText('A criptografia está desativada: este espaço de trabalho agora é guardado sem criptografia.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Criptografar este espaço de trabalho' })).toBeTruthy();
    expect(await installSealing(db).status()).toEqual({ encrypted: false, unlocked: true });
    const raw = new TarifaDb(db.name);
    expect((await raw.plans.toArray())[0]).toMatchObject({ name: 'Secret plan', description: 'kept secret' });
    raw.close();
  });
});
