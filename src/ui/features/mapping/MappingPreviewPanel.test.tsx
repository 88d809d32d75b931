// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithServices } from '../../../../test/helpers/in-process-app';
import { MappingPreviewPanel } from './MappingPreviewPanel';

afterEach(cleanup);

const PRESET = {
  format: 'tarifa.preset/1', name: 'BSP', header: ['Início', 'Tipo'],
  columns: { timestamp: 'Início', kind: 'Tipo' }, dateFormat: 'dd/mm/yyyy',
};

describe('MappingPreviewPanel in pt-BR', () => {
  it("lists the preview's rejects with their reasons translated, as the Data page does", async () => {
    const text = 'Início;Tipo\n01/03/2025 10:00;message\nontem;message\n"02/03/2025 10:00;message\n';
    const { api } = renderWithServices(<span />);
    const result = await api.previewMapping(new File([text], 'bsp.csv'), PRESET, 'UTC');
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    cleanup();
    const view = renderWithServices(<MappingPreviewPanel preview={result.value} error={null} checking={false} fields={['kind']} />);
    act(() => view.store.getState().setLocale('pt-BR'));
    const table = screen.getAllByRole('table').find((t) => within(t).queryByText("timestamp: não foi possível ler 'ontem' como data"));
    expect(table).toBeTruthy();
    expect(screen.queryByText(/cannot read/)).toBeNull();
  });

  it('says a whole-file error of the mapping in pt-BR', () => {
    const view = renderWithServices(<MappingPreviewPanel preview={null} checking={false} fields={[]}
      error={{ code: 'bad-file', message: 'the file is empty', detail: { code: 'empty' } }} />);
    act(() => view.store.getState().setLocale('pt-BR'));
    expect(screen.getByRole('alert').textContent).toBe('Este mapeamento não consegue ler o arquivo: O arquivo está vazio.');
  });
});
