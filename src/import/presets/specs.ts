/**
 * The presets' column mappings (notes/domain.md). Header names are matched trimmed and case-insensitively; headerless
 * files (Asterisk Master.csv, FreeSWITCH cdr_csv) get the documented column names as a virtual header, so both kinds
 * go through one mapping. JSON presets name the columns of the rows their extractor builds (json-presets.ts).
 */
import { NUMBER_FIELDS, STRING_FIELDS } from '../../engine/events';
import type { CsvPresetSpec, PresetName } from './types';

const ASTERISK_16 = [
  'accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'start', 'answer',
  'end', 'duration', 'billsec', 'disposition', 'amaflags',
] as const;
const ASTERISK_18 = [...ASTERISK_16, 'uniqueid', 'userfield'] as const;
const ASTERISK_21 = [...ASTERISK_18, 'peeraccount', 'linkedid', 'sequence'] as const;

const FREESWITCH = [
  'caller_id_name', 'caller_id_number', 'destination_number', 'context', 'start_stamp', 'answer_stamp', 'end_stamp',
  'duration', 'billsec', 'hangup_cause', 'uuid', 'bleg_uuid', 'accountcode', 'read_codec', 'write_codec',
] as const;

/** "%Y-%m-%d %T" as Asterisk and FreeSWITCH write it. */
const LOCAL_TIME = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
const DISPOSITIONS = new Set(['ANSWERED', 'NO ANSWER', 'BUSY', 'FAILED', 'CONGESTION']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** ANSWERED -> answered, NO ANSWER -> no-answer. */
const dashed = (v: string): string => v.toLowerCase().replace(/[\s_]+/g, '-');

/** FreeSWITCH hangup causes in the words the other voice presets use; the rest lower-cased with dashes. */
const HANGUP_CAUSES: Record<string, string> = {
  normal_clearing: 'answered', no_answer: 'no-answer', no_user_response: 'no-answer', user_busy: 'busy',
  call_rejected: 'failed', unallocated_number: 'failed', normal_temporary_failure: 'failed',
};

const FREE_ENTRY = new Set(['free_entry', 'free_entry_point']);
/** Meta's pricing_type / conversation_type: FREE_ENTRY and FREE_ENTRY_POINT mark a free entry point. */
const entryPoint = (v: string): string => (FREE_ENTRY.has(v.toLowerCase()) ? 'true' : '');

/** Portuguese and Spanish names the generic preset also reads (spreadsheets saved by hand). */
const GENERIC_ALIASES: Record<string, readonly string[]> = {
  timestamp: ['data/hora', 'data_hora', 'data e hora', 'data', 'fecha', 'fecha/hora', 'fecha_hora', 'date'],
  kind: ['tipo'], contact: ['contato', 'cliente', 'contacto'], channel: ['canal'], direction: ['direção', 'direcao', 'dirección', 'direccion', 'sentido'],
  template: ['modelo', 'plantilla'], category: ['categoria', 'categoría'], country: ['país', 'pais'],
  queue: ['fila', 'cola'], team: ['equipe', 'equipo'], agent: ['agente', 'atendente'],
  cost_centre: ['centro de custo', 'centro_de_custo', 'centro de costo', 'cost_center'],
  status: ['situação', 'situacao', 'estado'], duration: ['duração', 'duracao', 'duración', 'duracion'],
  segments: ['segmentos'], quantity: ['quantidade', 'cantidad'], price: ['preço', 'preco', 'valor', 'precio', 'custo', 'costo'],
  body: ['mensagem', 'texto', 'mensaje'],
};

const genericColumns = Object.fromEntries(
  ['timestamp', ...STRING_FIELDS, ...NUMBER_FIELDS, 'body'].map((f) => [f, [f, ...(GENERIC_ALIASES[f] ?? [])]]),
) as CsvPresetSpec['columns'];

export const PRESET_SPECS: Record<PresetName, CsvPresetSpec> = {
  generic: {
    name: 'generic', columns: genericColumns, required: [['timestamp', ...GENERIC_ALIASES.timestamp].join('|')],
    signature: [...STRING_FIELDS, ...NUMBER_FIELDS],
  },
  'twilio-messaging': {
    name: 'twilio-messaging',
    columns: {
      timestamp: ['sentdate', 'datesent', 'datecreated'], contact: ['to'], channel: ['from'], body: ['body'], status: ['status'],
      segments: ['numsegments'], id: ['sid'], direction: ['direction'], price: ['price'],
    },
    inbound: { contact: 'from', channel: 'to' },
    constants: { kind: 'message' },
    absolutePrice: true,
    required: ['from', 'to', 'sid', 'sentdate'],
    signature: ['body', 'status', 'numsegments', 'direction', 'price', 'priceunit', 'apiversion', 'errorcode', 'accountsid'],
  },
  'twilio-voice': {
    name: 'twilio-voice',
    columns: {
      timestamp: ['starttime'], contact: ['to'], channel: ['from'], status: ['status'], duration: ['duration'],
      id: ['sid'], direction: ['direction'], price: ['price'],
    },
    inbound: { contact: 'from', channel: 'to' },
    timestampFallback: 'datecreated',
    constants: { kind: 'call' },
    absolutePrice: true,
    required: ['sid', 'from', 'to', 'duration'],
    signature: ['parentcallsid', 'starttime', 'endtime', 'datecreated', 'status', 'direction', 'price', 'priceunit', 'answeredby'],
  },
  asterisk: {
    name: 'asterisk',
    columns: {
      timestamp: ['start'], contact: ['src'], channel: ['dst'], cost_centre: ['accountcode'], duration: ['billsec'],
      status: ['disposition'], id: ['uniqueid'],
    },
    values: { status: dashed },
    constants: { kind: 'call' },
    // dst is the dialled number: the customer's on an outbound call.
    customerNumbers: ['channel'],
    idSuffix: 'sequence',
    required: ['src', 'dst', 'start', 'billsec', 'disposition'],
    signature: ['accountcode', 'dcontext', 'clid', 'answer', 'end', 'duration', 'uniqueid', 'linkedid'],
    headerless: {
      widths: [16, 18, 21],
      names: (w) => (w === 16 ? ASTERISK_16 : w === 18 ? ASTERISK_18 : ASTERISK_21),
      looks: (r) => LOCAL_TIME.test(r[9].trim()) && /^\d+$/.test(r[13].trim()) && DISPOSITIONS.has(r[14].trim().toUpperCase()),
    },
  },
  freeswitch: {
    name: 'freeswitch',
    columns: {
      timestamp: ['start_stamp'], contact: ['caller_id_number'], channel: ['destination_number'], duration: ['billsec'],
      status: ['hangup_cause'], id: ['uuid'], cost_centre: ['accountcode'],
    },
    values: { status: (v) => HANGUP_CAUSES[v.toLowerCase()] ?? dashed(v) },
    constants: { kind: 'call' },
    // destination_number is the dialled number: the customer's on an outbound call.
    customerNumbers: ['channel'],
    required: ['caller_id_number', 'destination_number', 'start_stamp', 'billsec', 'hangup_cause'],
    signature: ['caller_id_name', 'context', 'answer_stamp', 'end_stamp', 'duration', 'uuid', 'bleg_uuid', 'accountcode'],
    headerless: {
      widths: [15],
      names: () => FREESWITCH,
      looks: (r) => LOCAL_TIME.test(r[4].trim()) && /^\d+$/.test(r[8].trim()) && UUID.test(r[10].trim()),
    },
  },
  'genesys-interactions-csv': {
    name: 'genesys-interactions-csv',
    columns: {
      id: ['conversation id'], agent: ['users', 'user'], timestamp: ['date', 'start date'], queue: ['queue', 'queues'],
      direction: ['direction'], duration: ['duration'], kind: ['media type', 'media'],
    },
    values: { kind: (v) => (v === '' ? 'conversation' : v.toLowerCase() === 'voice' ? 'call' : v.toLowerCase()) },
    constants: { kind: 'conversation' },
    required: ['conversation id', 'date'],
    signature: ['users', 'queue', 'wrap-up', 'direction', 'duration', 'media type'],
  },
  'genesys-conversations-json': {
    name: 'genesys-conversations-json',
    columns: {
      id: ['id'], timestamp: ['start'], kind: ['mediatype'], direction: ['direction'], contact: ['contact'],
      channel: ['channel'], queue: ['queueid'], agent: ['userid'], duration: ['duration'],
    },
    values: { kind: (v) => (v === '' ? 'message' : v.toLowerCase() === 'voice' ? 'call' : v.toLowerCase()) },
    required: ['id', 'start'],
    signature: [],
  },
  'meta-pricing-analytics': {
    name: 'meta-pricing-analytics',
    columns: {
      timestamp: ['start'], channel: ['phone_number'], country: ['country'], category: ['pricing_category'],
      template: ['pricing_category'], entry_point: ['pricing_type'], quantity: ['volume'], price: ['cost'],
    },
    // A priced category other than service stands for template messages (spec: non-empty template = template).
    values: { template: (v) => (v.toLowerCase() === 'service' ? '' : v.toLowerCase()), entry_point: entryPoint },
    constants: { kind: 'message' },
    required: ['start', 'volume'],
    signature: [],
  },
  'meta-conversation-analytics': {
    name: 'meta-conversation-analytics',
    columns: {
      timestamp: ['start'], channel: ['phone_number'], country: ['country'], category: ['conversation_category'],
      direction: ['conversation_direction'], entry_point: ['conversation_type'], quantity: ['conversation'], price: ['cost'],
    },
    values: { entry_point: entryPoint },
    constants: { kind: 'conversation' },
    required: ['start', 'conversation'],
    signature: [],
  },
};

/** Presets recognised from a CSV header or headerless record, in detection order. */
export const CSV_PRESETS: readonly PresetName[] = [
  'twilio-messaging', 'twilio-voice', 'asterisk', 'freeswitch', 'genesys-interactions-csv', 'generic',
];
export const JSON_PRESETS: readonly PresetName[] = ['genesys-conversations-json', 'meta-pricing-analytics', 'meta-conversation-analytics'];
