/**
 * Extra columns: the unmapped text columns of a generic-like CSV kept as `col:<header>` fields (engine/events.ts), so
 * a split can use any imported column (issue #5). What is kept is bounded and never personal or free text:
 * - by header, before any value is read: at most MAX_EXTRA_COLUMNS, none whose name says it holds a message body or
 *   free text, or a contact (e-mail, phone, address, document number), or that repeats a column already kept;
 * - by values, when the column's first chunk is flushed (ColumnBuilder): dropped, with nothing stored, when it has
 *   too many distinct values for a grouping field, values as long as free text, or values that look like e-mail
 *   addresses or phone numbers, even one (`judgeExtraValues`).
 */

export const MAX_EXTRA_COLUMNS = 16;
/** Distinct values an extra column may have in its first chunk (a split field groups; ids and names do not). */
export const MAX_EXTRA_VALUES = 5_000;
/**
 * Share of distinct values per row above which a column reads as ids or free text: half of the rows from 200 rows
 * on; in a smaller first chunk (a small file) only a column of nearly all different values (from 20 rows on).
 */
const MAX_DISTINCT_SHARE = 0.5;
const MIN_ROWS_FOR_SHARE = 200;
const MAX_DISTINCT_SHARE_SMALL = 0.9;
const MIN_ROWS_FOR_SHARE_SMALL = 20;
/** Mean length of distinct values above which a column reads as free text. */
const MAX_MEAN_LENGTH = 60;

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

/** Header words of bodies, free text and contacts (English, Portuguese, Spanish). */
const REFUSED = new RegExp([
  'body', 'message', 'mensage', 'mensaje', 'text', 'content', 'conteudo', 'contenido', 'subject', 'assunto', 'asunto',
  'note', 'nota', 'comment', 'comentario', 'observa', 'transcri', 'descri', 'mail', 'correo', 'phone', 'fone', 'telefon',
  'mobile', 'celular', 'movil', 'whatsapp', 'msisdn', 'number', 'numero', 'cpf', 'cnpj', 'dni', 'document', 'address',
  'endereco', 'direccion', 'contact', 'contato', 'contacto', 'caller', 'callee', 'password', 'senha', 'token', 'secret',
].join('|'));
/** Whole header words that name a party of a call or message (from/to), an IP address or a user name. */
const REFUSED_WORDS = new Set(['from', 'to', 'ani', 'dnis', 'ip', 'src', 'dst', 'cli', 'name', 'nome', 'nombre', 'user', 'usuario']);

/** Whether a header may become an extra field, by its name alone. */
export const extraHeaderAllowed = (header: string): boolean => {
  const name = fold(header);
  if (name === '' || REFUSED.test(name)) return false;
  return !name.split(/[^a-z0-9]+/).some((w) => REFUSED_WORDS.has(w));
};

/**
 * The columns of a header to keep as extra fields: those no field uses (`used`), allowed by name, first come first,
 * each header once (a repeat is ambiguous), at most MAX_EXTRA_COLUMNS.
 */
export const pickExtraColumns = (headers: readonly string[], used: (col: number) => boolean): { name: string; col: number }[] => {
  const counts = new Map<string, number>();
  for (const h of headers) counts.set(h.trim(), (counts.get(h.trim()) ?? 0) + 1);
  const out: { name: string; col: number }[] = [];
  headers.forEach((h, col) => {
    const name = h.replace(/^\uFEFF/, '').trim();
    if (out.length < MAX_EXTRA_COLUMNS && !used(col) && counts.get(h.trim()) === 1 && extraHeaderAllowed(name)) out.push({ name, col });
  });
  return out;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{8,}$/;
const digits = (s: string): number => s.replace(/\D/g, '').length;

export type ExtraVerdict = 'keep' | 'too-many-values' | 'free-text' | 'contact';

/** Whether an extra column's first chunk (its distinct non-empty values over `rows` rows) shows a grouping field. */
export const judgeExtraValues = (values: readonly string[], rows: number): ExtraVerdict => {
  const n = values.length;
  if (n === 0) return 'keep';
  if (n > MAX_EXTRA_VALUES || (rows >= MIN_ROWS_FOR_SHARE && n > rows * MAX_DISTINCT_SHARE)
    || (rows >= MIN_ROWS_FOR_SHARE_SMALL && n > rows * MAX_DISTINCT_SHARE_SMALL)) return 'too-many-values';
  let length = 0;
  let contacts = 0;
  for (const v of values) {
    length += v.length;
    if (EMAIL.test(v) || (PHONE.test(v) && digits(v) >= 8)) contacts++;
  }
  if (length / n > MAX_MEAN_LENGTH) return 'free-text';
  // One value that looks like an e-mail address or a phone number is enough: it would be stored as written.
  return contacts > 0 ? 'contact' : 'keep';
};
