/**
 * Import presets: how one vendor's export becomes normalised events (spec section 1).
 *
 * A preset is data, not code per row: header names (or fixed positions) per field, per-field value normalisers
 * (applied once per distinct raw text, then cached as dictionary codes), constants, and a few switches. Every preset
 * runs through the one generic row writer, so the fast path stays one.
 */
import type { StringField } from '../../engine/events';
import type { GenericColumn } from '../generic/header';
import type { DateOrder } from '../generic/lenient';

export const PRESET_NAMES = [
  'generic', 'twilio-messaging', 'twilio-voice', 'asterisk', 'freeswitch', 'genesys-interactions-csv',
  'genesys-conversations-json', 'meta-pricing-analytics', 'meta-conversation-analytics',
] as const;
export type PresetName = (typeof PRESET_NAMES)[number];
/** What `ImportOptions.preset` takes: a preset, or 'auto' to detect it. */
export type PresetChoice = PresetName | 'auto';

export const isPresetChoice = (s: string): s is PresetChoice => s === 'auto' || (PRESET_NAMES as readonly string[]).includes(s);

/** Normalises one distinct raw text (already trimmed) of a field; undefined = invalid (direction only). */
export type ValueMap = (raw: string) => string | undefined;

/** Everything the row writer needs to map a record: where each field is and how its values read. */
export type RowMapping = {
  /** Column index per field; -1 when the file has no such column (several fields may share a column). */
  index: Record<GenericColumn, number>;
  /** Fields per record. */
  width: number;
  /** Columns that feed no field, as named in the header (or by the preset for headerless files). */
  ignoredColumns: string[];
  /** Header cell -> field, in column order, for `tarifa inspect`. */
  fields: { column: string; field: string }[];
  /** Unmapped text columns kept as `col:<header>` fields (generic-like files; generic/extra-columns.ts); absent: none. */
  extraColumns?: { name: string; col: number }[];
  /** Per-field normaliser replacing the field's default; the field is then cached per distinct raw text. */
  values?: Partial<Record<StringField, ValueMap>>;
  /** Fields with one value for every row (a voice export: kind 'call'). */
  constants?: Partial<Record<StringField, string>>;
  /** Columns read for contact and channel when the row is inbound (Twilio: From is the customer inbound). */
  inbound?: Partial<Record<'contact' | 'channel', number>>;
  /** Column read for the timestamp when the timestamp column is empty. */
  timestampFallback?: number;
  /** Column whose text is appended (after ':') to the id: keeps the legs of one call apart (Asterisk sequence). */
  idSuffix?: number;
  /** The vendor writes prices as negative debits (Twilio -0.0075): store the absolute amount. */
  absolutePrice?: boolean;
  /**
   * Fields besides `contact` that may hold a customer's phone number (a PBX's dialled number on an outbound call):
   * with a pseudonymisation key, their phone-number values are stored as pseudonyms, like contacts (see
   * generic/row-writer.ts isDialledNumber); extensions and other short codes stay as written.
   */
  customerNumbers?: readonly StringField[];
};

/** A preset's column of a header-based file: the names it goes by (lower-case, first match wins). */
export type ColumnNames = Partial<Record<GenericColumn, readonly string[]>>;

export type CsvPresetSpec = {
  name: PresetName;
  /** Fields by header names. */
  columns: ColumnNames;
  /** Header names (lower-case) that must all be present to recognise the file by its header; 'a|b' = either. */
  required: readonly string[];
  /** Header names that make the match surer (confidence = share of required + signature names found). */
  signature: readonly string[];
  /** Files with no header: the widths it comes in, and the field at each position for a width. */
  headerless?: {
    widths: readonly number[];
    names: (width: number) => readonly string[];
    /** True when a record looks like this preset's data (dates where dates go, …). */
    looks: (row: readonly string[]) => boolean;
  };
  values?: RowMapping['values'];
  constants?: RowMapping['constants'];
  /** Header names read for contact / channel on inbound rows. */
  inbound?: Partial<Record<'contact' | 'channel', string>>;
  timestampFallback?: string;
  idSuffix?: string;
  absolutePrice?: boolean;
  customerNumbers?: RowMapping['customerNumbers'];
};

/** A detection outcome: the preset, how sure, and the mapping of the header record. */
export type Detected = {
  /** A built-in preset's name, or the name of the user's custom preset (src/import/mapping). */
  preset: string;
  confidence: number;
  /** False for headerless files: the record detected from is data. */
  header: boolean;
  mapping: RowMapping;
  /** How a custom preset reads its file (its own date order, decimal mark, time zone), over the import's defaults. */
  reading?: { dateOrder?: DateOrder; decimalComma?: boolean; timeZone?: string };
};
