/**
 * JSON exports as rows for the generic row writer: each extractor flattens the document into string rows under a
 * virtual header named in specs.ts. The whole text is parsed at once (these exports are small: API pages of
 * aggregates or conversation details). A row's "line" is its 1-based position among the extracted rows.
 */
import type { PresetName } from './types';

export type JsonRows = { preset: PresetName; confidence: number; header: string[]; rows: string[][] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A JSON scalar as text: numbers without exponents, null/undefined as ''. */
export const jsonText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    const s = String(v);
    return /e/i.test(s) ? v.toFixed(20).replace(/\.?0+$/, '') : s;
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return '(a value nested too deeply to show)'; // JSON.stringify recurses: thousands of levels overflow the stack
  }
};

const PRICING = ['start', 'end', 'phone_number', 'country', 'tier', 'pricing_type', 'pricing_category', 'volume', 'cost'];
const CONVERSATION = [
  'start', 'end', 'conversation', 'phone_number', 'country', 'conversation_type', 'conversation_direction',
  'conversation_category', 'cost',
];

/** Data points of a Graph API analytics answer: `{<field>: {data: [{data_points}]}}`, `{data: […]}`, or a bare list. */
const dataPoints = (doc: unknown, field: string): { points: Obj[]; keyed: boolean } => {
  const keyed = isObj(doc) && isObj(doc[field]);
  const root = keyed ? (doc as Obj)[field] : doc;
  const groups = isObj(root) ? (Array.isArray(root.data) ? root.data : [root]) : list(root);
  const points = groups.flatMap((g) => (isObj(g) && Array.isArray(g.data_points) ? g.data_points : [g])).filter(isObj);
  return { points, keyed };
};

const metaRows = (doc: unknown, preset: PresetName, field: string, header: string[], marker: string): JsonRows | null => {
  const { points, keyed } = dataPoints(doc, field);
  if (points.length === 0 ? !keyed : !points.some((p) => marker in p)) return null;
  return { preset, confidence: keyed ? 1 : 0.8, header, rows: points.map((p) => header.map((h) => jsonText(p[h]))) };
};

const GENESYS = ['id', 'start', 'mediatype', 'direction', 'contact', 'channel', 'queueid', 'userid', 'duration', 'messagetype'];

const address = (v: unknown): string => jsonText(v).replace(/^(tel|sip):/i, '');

const seconds = (start: string, end: string): string => {
  const ms = Date.parse(end) - Date.parse(start);
  return Number.isFinite(ms) && ms >= 0 ? String(ms / 1000) : '';
};

/** Analytics conversation details: one row per segment of each customer session (queue and agent of the conversation). */
const genesysRows = (doc: unknown): JsonRows | null => {
  const conversations = (Array.isArray(doc) ? doc : isObj(doc) ? list(doc.conversations) : []).filter(isObj);
  if (conversations.length === 0 || !conversations.some((c) => 'conversationId' in c && 'participants' in c)) {
    return isObj(doc) && Array.isArray(doc.conversations) && doc.conversations.length === 0
      ? { preset: 'genesys-conversations-json', confidence: 0.8, header: GENESYS, rows: [] } : null;
  }
  const rows: string[][] = [];
  for (const c of conversations) {
    const id = jsonText(c.conversationId);
    const participants = list(c.participants).filter(isObj);
    const agent = jsonText(participants.find((p) => p.purpose === 'agent' && p.userId)?.userId);
    const segmentsOf = (p: Obj) => list(p.sessions).filter(isObj).flatMap((s) => list(s.segments).filter(isObj));
    const queue = jsonText(participants.flatMap(segmentsOf).find((s) => s.queueId)?.queueId);
    let n = 0;
    for (const p of participants.filter((x) => x.purpose === 'customer' || x.purpose === 'external')) {
      for (const s of list(p.sessions).filter(isObj)) {
        const direction = jsonText(s.direction ?? c.originatingDirection);
        const out = direction.toLowerCase() === 'outbound';
        const contact = address(out ? s.addressTo ?? s.dnis : s.addressFrom ?? s.ani);
        const channel = address(out ? s.addressFrom ?? s.ani : s.addressTo ?? s.dnis);
        const segments = list(s.segments).filter(isObj);
        const spans = segments.length > 0 ? segments : [{ segmentStart: c.conversationStart, segmentEnd: c.conversationEnd }];
        for (const g of spans) {
          const start = jsonText(g.segmentStart);
          rows.push([
            `${id}/${++n}`, start, jsonText(s.mediaType), direction, contact, channel, jsonText(g.queueId) || queue, agent,
            seconds(start, jsonText(g.segmentEnd)), jsonText(s.messageType),
          ]);
        }
      }
    }
  }
  return { preset: 'genesys-conversations-json', confidence: 1, header: GENESYS, rows };
};

const EXTRACTORS: Record<string, (doc: unknown) => JsonRows | null> = {
  'genesys-conversations-json': genesysRows,
  'meta-pricing-analytics': (doc) => metaRows(doc, 'meta-pricing-analytics', 'pricing_analytics', PRICING, 'volume'),
  'meta-conversation-analytics': (doc) => metaRows(doc, 'meta-conversation-analytics', 'conversation_analytics', CONVERSATION, 'conversation'),
};

/** The rows of a JSON document for `preset`, or for the surest preset that reads it ('auto'); null when none does. */
export const jsonRows = (doc: unknown, preset: PresetName | 'auto'): JsonRows | null => {
  if (preset !== 'auto') return EXTRACTORS[preset]?.(doc) ?? null;
  const found = Object.values(EXTRACTORS).map((x) => x(doc)).filter((r): r is JsonRows => r !== null);
  return found.sort((a, b) => b.confidence - a.confidence)[0] ?? null;
};
