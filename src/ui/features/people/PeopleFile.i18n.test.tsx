// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithServices } from '../../../../test/helpers/in-process-app';
import { translate } from '../../i18n/i18n';
import { PeopleFile } from './PeopleFile';

afterEach(cleanup);

const csv = (name: string, lines: string[]) => new File([`${lines.join('\n')}\n`], name, { type: 'text/csv' });

/** The users file's refused lines and failures in the user's language (issue #7), through the real worker API. */
describe('people file in Portuguese', () => {
  it('says a refused line and a file that cannot be read in pt-BR', async () => {
    const view = renderWithServices(<PeopleFile />);
    act(() => view.store.getState().setLocale('pt-BR'));
    const input = screen.getByLabelText(translate('pt-BR', 'people.file'));

    fireEvent.change(input, { target: { files: [csv('equipe.csv', [
      'nome,e-mail,função', 'Ana Souza,ana@example.com,Vendas', 'Bruno,bruno@exemplo,Suporte', 'Carla,ana@example.com,Suporte',
    ])] } });
    await screen.findByText(translate('pt-BR', 'people.rejects', { count: 2 }), {}, { timeout: 10_000 });
    const lines = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual([
      translate('pt-BR', 'people.rejectLine', { line: 3, reason: "e-mail: 'bruno@exemplo' não é um endereço de e-mail" }),
      translate('pt-BR', 'people.rejectLine', { line: 4, reason: "e-mail: 'ana@example.com' já está na linha 2" }),
    ]);

    // No name or e-mail column: the worker's failure, said in Portuguese with the file's name.
    fireEvent.change(input, { target: { files: [csv('vendas.csv', ['quando,valor', '2025-01-01,3'])] } });
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toBe("vendas.csv: linha 1: nenhuma coluna 'nome' ou 'e-mail' (encontradas: quando, valor)");

    // Every line refused: nobody read.
    fireEvent.change(input, { target: { files: [csv('ruim.csv', ['nome,e-mail', ',', 'X,x@y'])] } });
    await screen.findByText('ruim.csv: nenhuma pessoa pôde ser lida (2 linhas recusadas)', {}, { timeout: 10_000 });
  });
});
