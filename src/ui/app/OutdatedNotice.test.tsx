// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, renderWithServices } from '../../../test/helpers/in-process-app';
import { OutdatedNotice } from './OutdatedNotice';

afterEach(() => { cleanup(); window.location.hash = ''; });

describe('OutdatedNotice', () => {
  it('says nothing until another tab upgrades the database, then offers a reload (pt-BR)', async () => {
    const reload = vi.fn();
    const { store } = renderWithServices(<OutdatedNotice reload={reload} />);
    act(() => store.getState().setLocale('pt-BR'));
    expect(screen.queryByRole('alert')).toBeNull();
    await act(() => store.getState().applyRemoteChange({ topics: [], outdated: true }));
    const alert = screen.getByRole('alert', { name: 'O Tarifa foi atualizado em outra aba' });
    expect(alert.textContent).toContain('recarregue para continuar');
    fireEvent.click(screen.getByRole('button', { name: 'Recarregar' }));
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('is part of the app shell (English)', async () => {
    const { store } = renderApp();
    await act(() => store.getState().applyRemoteChange({ topics: [], outdated: true }));
    expect(screen.getByRole('alert', { name: 'Tarifa was updated in another tab' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
  });
});
