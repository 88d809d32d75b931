/**
 * First guesses for the mapping screen: which field each column holds (the generic preset's English, Portuguese and
 * Spanish header names first, then words headers of that field usually contain), how the values of low-cardinality
 * fields read (the row writer's own normalisers: 'Entrada' -> inbound), and the date format and decimal mark.
 * Guesses only: the user confirms or changes every one of them.
 */
import type { StringField } from '../../engine/events';
import { headerName } from '../generic/header';
import type { GenericColumn } from '../generic/header';
import { guessDateOrder } from '../generic/lenient';
import { normalisers } from '../generic/row-writer';
import type { CachedField } from '../generic/row-writer';
import { PRESET_SPECS } from '../presets/specs';
import type { DateFormat, DecimalMark } from './schema';
import { MAPPABLE_FIELDS } from './schema';

/** Lower case, no accents, punctuation as single spaces: 'Direção' -> 'direcao', 'Data/Hora' -> 'data hora'. */
export const plainName = (cell: string): string =>
  headerName(cell).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9$]+/g, ' ').trim();

/** Words (accent-free) that headers of a field usually contain, surest first. */
const KEYWORDS: Partial<Record<GenericColumn, readonly string[]>> = {
  timestamp: ['timestamp', 'data hora', 'datetime', 'date', 'data', 'fecha', 'hora', 'time', 'inicio', 'horario', 'quando', 'created', 'sent'],
  direction: ['direction', 'direcao', 'direccion', 'sentido', 'origem'],
  contact: ['contact', 'contato', 'contacto', 'cliente', 'customer', 'telefone', 'phone', 'celular', 'msisdn', 'from'],
  channel: ['channel', 'canal', 'linha', 'line', 'numero', 'number', 'account', 'conta'],
  queue: ['queue', 'fila', 'cola', 'departamento', 'department', 'setor'],
  team: ['team', 'equipe', 'equipo'],
  agent: ['agent', 'agente', 'atendente', 'operador', 'operator', 'user', 'usuario'],
  bot: ['bot', 'robo', 'chatbot'],
  price: ['price', 'preco', 'precio', 'valor', 'custo', 'costo', 'cost', 'tarifa', 'amount', 'r$'],
  duration: ['duration', 'duracao', 'duracion', 'segundos', 'seconds', 'tempo'],
  status: ['status', 'situacao', 'estado'],
  template: ['template', 'modelo', 'plantilla'],
  category: ['category', 'categoria'],
  kind: ['kind', 'tipo', 'type', 'media', 'midia'],
  id: ['id', 'identificador', 'protocolo', 'sid', 'uuid'],
  country: ['country', 'pais'],
  segments: ['segments', 'segmentos', 'partes'],
  quantity: ['quantity', 'quantidade', 'qtd', 'qtde', 'cantidad', 'volume'],
  cost_centre: ['cost centre', 'cost center', 'centro de custo', 'centro de costo'],
  entry_point: ['entry point', 'ponto de entrada', 'ctwa'],
  body: ['body', 'mensagem', 'mensaje', 'texto', 'text', 'message'],
};

const ALIASES: Map<string, GenericColumn> = (() => {
  const m = new Map<string, GenericColumn>();
  const columns = PRESET_SPECS.generic.columns;
  for (const f of MAPPABLE_FIELDS) for (const n of columns[f] ?? []) if (!m.has(plainName(n))) m.set(plainName(n), f);
  return m;
})();

/** How strongly a header names a field: 3 an exact known name, 2 a whole keyword, 1 a keyword inside a word, 0 not. */
const strength = (plain: string, field: GenericColumn): number => {
  if (ALIASES.get(plain) === field) return 3;
  const words = ` ${plain} `;
  const keys = KEYWORDS[field] ?? [];
  if (keys.some((k) => words.includes(` ${k} `))) return 2;
  if (keys.some((k) => k.length >= 4 && plain.includes(k))) return 1;
  return 0;
};

/** A field per header cell (or null), each field given to at most one column: strongest match first, then leftmost. */
export const suggestColumns = (header: readonly string[]): Partial<Record<GenericColumn, string>> => {
  const plain = header.map(plainName);
  const candidates: { field: GenericColumn; col: number; score: number; order: number }[] = [];
  plain.forEach((p, col) => {
    if (p === '') return;
    MAPPABLE_FIELDS.forEach((field, order) => {
      const score = strength(p, field);
      if (score > 0) candidates.push({ field, col, score, order });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order || a.col - b.col);
  const out: Partial<Record<GenericColumn, string>> = {};
  const taken = new Set<number>();
  for (const c of candidates) {
    if (out[c.field] !== undefined || taken.has(c.col)) continue;
    out[c.field] = header[c.col].replace(/^\uFEFF/, '').trim();
    taken.add(c.col);
  }
  return out;
};

/** Fields whose values the screen offers to map (few distinct values, a fixed vocabulary). */
export const MAPPED_VALUE_FIELDS: readonly CachedField[] = ['direction', 'kind', 'status', 'category', 'entry_point'];

/** Distinct trimmed texts of a column in the sample rows, most frequent first (at most `limit`). */
export const distinctValues = (rows: readonly (readonly string[])[], col: number, limit = 30): string[] => {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const v = (r[col] ?? '').trim();
    if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([v]) => v);
};

/** How a raw text of a field reads without a value map ('' when it does not read, e.g. an unknown direction). */
export const defaultValue = (field: StringField, raw: string): string =>
  Object.hasOwn(normalisers, field) ? normalisers[field as CachedField](raw.trim()) ?? '' : raw.trim();

/** The date format the sample's dates fit ('auto' when none or when they do not decide day/month). */
export const suggestDateFormat = (samples: readonly string[]): DateFormat => {
  const order = guessDateOrder(samples);
  return order === 'dmy' ? 'dd/mm/yyyy' : order === 'mdy' ? 'mm/dd/yyyy' : order === 'ymd' ? 'yyyy-mm-dd' : 'auto';
};

/** Decimal commas for ';'-separated files (as the import does), else decided per value. */
export const suggestDecimalMark = (delimiter: string): DecimalMark => (delimiter === ';' ? 'comma' : 'auto');
