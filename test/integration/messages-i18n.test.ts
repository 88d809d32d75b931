/**
 * Import errors that stop a whole file and the worker's failures carry a code and parameters (Failure.detail) beside
 * their English message (kept for the CLI); the UI says them in the user's language (ui/i18n/parts/messages.ts).
 * Each through the real worker API on fake-indexeddb, then failureText in pt-BR (and es where it differs in kind).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/import-csv';
import { ImportError } from '../../src/import/types';
import { TarifaDb } from '../../src/storage/db';
import { en, type MessageKey } from '../../src/ui/i18n/en';
import { failureText, rejectReason } from '../../src/ui/i18n/explain';
import { translate, type Locale } from '../../src/ui/i18n/i18n';
import { createApi } from '../../src/worker/api';
import type { Failure } from '../../src/worker/types';

const tr = (locale: Locale) => (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
const pt = tr('pt-BR');

let seq = 0;
const dbs: TarifaDb[] = [];
afterEach(async () => { for (const db of dbs.splice(0)) await db.delete(); });
const api = () => {
  const db = new TarifaDb(`tarifa-messages-${process.pid}-${++seq}`);
  dbs.push(db);
  return createApi({ db });
};

const failureOf = async (text: string, name = 'usage.csv', options: Record<string, unknown> = {}): Promise<Failure> => {
  const r = await api().importFile(new File([text], name), { timeZone: 'UTC', ...options }, 'job', () => undefined);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('imported');
  return r.error;
};

describe('whole-file import errors: code + params, English message kept, said in pt-BR', () => {
  it('an empty file', async () => {
    const f = await failureOf('');
    expect(f).toMatchObject({ code: 'bad-file', message: 'the file is empty', detail: { code: 'empty' } });
    expect(failureText(f, pt)).toBe('O arquivo está vazio.');
    expect(failureText(f, tr('es'))).toBe('El archivo está vacío.');
  });

  it('a header no preset recognises names what it found', async () => {
    const error = await importCsv('when,what\n2025-01-01,x\n', { preset: 'generic', timeZone: 'UTC' }, { chunk: async () => undefined })
      .catch((e: unknown) => e) as ImportError;
    expect(error.message).toMatch(/^no recognisable header: expected a 'timestamp' column/);
    expect(error.detail).toEqual({ code: 'no-header', params: { found: 'when, what', presets: '' } });
    const f: Failure = { code: 'bad-file', message: error.message, detail: error.detail };
    expect(failureText(f, pt)).toBe("Nenhum cabeçalho reconhecível: é preciso uma coluna 'timestamp' (encontrado: when, what).");
    const auto = await failureOf('when,what\n2025-01-01,x\n');
    expect(auto.detail?.code).toBe('no-header-presets');
    expect(failureText(auto, pt)).toMatch(/^Nenhum cabeçalho reconhecível: é preciso uma coluna 'timestamp' ou o cabeçalho de twilio-messaging, .* \(encontrado: when, what\)\.$/);
  });

  it('dates whose day/month order cannot be told', async () => {
    const f = await failureOf('timestamp,kind\n01/02/2025 10:00,message\n03/04/2025 10:00,message\n');
    expect(f.detail).toEqual({ code: 'date-order', params: { example: '01/02/2025 10:00' } });
    expect(failureText(f, pt)).toBe("Não dá para saber se datas como '01/02/2025 10:00' são dia/mês ou mês/dia. Escolha o formato da data em “Mapear colunas…”.");
  });

  it('invalid JSON and a JSON export no preset knows', async () => {
    const bad = await failureOf('{"data": [', 'export.json');
    expect(bad.detail?.code).toBe('bad-json');
    expect(failureText(bad, pt)).toMatch(/^O arquivo não é um JSON válido \(.+\)\.$/);
    const unknown = await failureOf('{"rows": []}', 'export.json');
    expect(unknown.detail).toMatchObject({ code: 'unknown-json', params: { keys: 'rows' } });
    expect(failureText(unknown, pt)).toMatch(/^Nenhuma exportação JSON conhecida: tentamos .+ \(chaves encontradas: rows\)\.$/);
  });

  it('a file whose every row is rejected says the first reason, itself translated', async () => {
    const f = await failureOf('timestamp,kind\nyesterday,message\nsoon,message\n');
    expect(f.message).toMatch(/^No rows could be imported: all 2 data rows were rejected\./);
    expect(f.detail).toEqual({ code: 'all-rejected', params: { count: 2, line: 2, reason: "timestamp: cannot read 'yesterday' as a date" } });
    expect(failureText(f, pt)).toBe("Nenhuma linha pôde ser importada: todas as linhas de dados foram rejeitadas (2). A primeira na linha 2: timestamp: não foi possível ler 'yesterday' como data");
  });

  it('a file of only a header, and every row a duplicate', async () => {
    const header = await failureOf('timestamp,kind\n');
    expect(header.detail).toEqual({ code: 'no-rows' });
    expect(failureText(header, pt)).toBe('O arquivo não tem linhas de dados para importar.');
    const a = api();
    const first = 'timestamp,id,kind\n2025-01-01T10:00:00Z,a1,message\n';
    expect((await a.importFile(new File([first], 'a.csv'), { timeZone: 'UTC' }, 'a', () => undefined)).ok).toBe(true);
    const [dataset] = await a.listDatasets();
    const again = await a.importFiles([new File([first + '\n'], 'b.csv')], { timeZone: 'UTC', datasetId: dataset.id, force: true }, 'b', () => undefined);
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.error.detail).toEqual({ code: 'all-duplicates', params: { count: 1 } });
    expect(failureText(again.error, pt)).toBe('Nenhuma linha pôde ser importada: todas repetem uma linha anterior (1).');
  });

  it('in a job of several files, the failing file is named', async () => {
    const r = await api().importFiles([new File(['timestamp,kind\n2025-01-01T10:00:00Z,message\n'], 'ok.csv'), new File([''], 'vazio.csv')],
      { timeZone: 'UTC' }, 'job', () => undefined);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('vazio.csv: the file is empty');
    expect(r.error.detail).toEqual({ code: 'empty', file: 'vazio.csv' });
    expect(failureText(r.error, pt)).toBe('vazio.csv: O arquivo está vazio.');
  });

  it('no file; an unknown preset', async () => {
    const none = await api().importFiles([], { timeZone: 'UTC' }, 'job', () => undefined);
    expect(!none.ok && failureText(none.error, pt)).toBe('Nenhum arquivo foi informado.');
    const error = await importCsv('timestamp,kind\n2025-01-01T10:00:00Z,message\n', { preset: 'nope' as never, timeZone: 'UTC' },
      { chunk: async () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).detail?.code).toBe('unknown-preset');
  });

  it('every code a whole-file error or worker failure carries has its text (all three languages by the part type)', () => {
    const codes = ['empty', 'no-header', 'no-header-presets', 'no-header-only-presets', 'ambiguous-preset', 'preset-mismatch', 'bad-json',
      'unknown-json', 'unknown-preset', 'contacts-raw', 'contacts-key', 'date-order', 'record-too-long', 'preset-gone', 'preset-invalid',
      'unreadable', 'unexpected', 'all-rejected', 'all-rejected-none', 'all-duplicates', 'no-rows', 'no-file'];
    for (const code of codes) expect(Object.hasOwn(en, `msg.${code}`), code).toBe(true);
    // A code the UI does not know falls back to the English message.
    expect(failureText({ code: 'bad-file', message: 'something new', detail: { code: 'brand-new' } }, pt)).toBe('something new');
  });
});

describe('other worker failures the UI shows', () => {
  it('a database upgraded in another tab, and an unexpected error', () => {
    expect(failureText({ code: 'outdated', message: 'Tarifa was updated in another tab: reload this tab to keep working.' }, pt))
      .toBe('O Tarifa foi atualizado em outra aba: recarregue esta aba para continuar.');
    expect(failureText({ code: 'internal', message: 'Unexpected error: boom', detail: { code: 'unexpected', params: { error: 'boom' } } }, pt))
      .toBe('Erro inesperado: boom');
  });

  it("the CSV parser's quote errors as reject reasons", () => {
    expect(rejectReason('row: quoted field unterminated', pt)).toBe('linha: um campo entre aspas nunca é fechado');
    expect(rejectReason('row: trailing quote on quoted field is malformed', pt)).toBe('linha: uma aspa dentro de um campo entre aspas não está duplicada');
  });
});
