// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithServices } from '../../../../test/helpers/in-process-app';
import { ImportResult } from './ImportResult';

afterEach(cleanup);

describe('ImportResult: the job failure box', () => {
  it("says a whole-file import error in the user's language (pt-BR), naming the file of a job of several", async () => {
    const { store } = renderWithServices(<ImportResult />);
    act(() => store.getState().setLocale('pt-BR'));
    const files = [new File(['timestamp,kind\n2025-01-01T10:00:00Z,message\n'], 'ok.csv'), new File([''], 'vazio.csv')];
    await act(() => store.getState().importFiles(files, 'UTC'));
    expect(store.getState().jobError?.message).toBe('vazio.csv: the file is empty');
    expect(screen.getByRole('alert').textContent).toBe('Não foi possível importar o arquivo: vazio.csv: O arquivo está vazio.');
  });

  it('says why no row of the file went in, with the first reject reason translated too', async () => {
    const { store } = renderWithServices(<ImportResult />);
    act(() => store.getState().setLocale('pt-BR'));
    await act(() => store.getState().importFiles([new File(['timestamp,kind\nontem,message\n'], 'u.csv')], 'UTC'));
    expect(screen.getByRole('alert').textContent).toContain(
      "Nenhuma linha pôde ser importada: todas as linhas de dados foram rejeitadas (1). A primeira na linha 2: timestamp: não foi possível ler 'ontem' como data");
  });
});
