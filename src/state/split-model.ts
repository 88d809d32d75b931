/**
 * The Split page's rule editor as plain data: one field (queue by default), centres, each value of the field
 * assigned to at most one centre, wildcard patterns, and the policies. `rulesOfModel` writes it as a
 * `tarifa.rules/1` document (the one thing the worker splits by and the user exports); `modelOfRules` reads back
 * any rule set whose rules each match one field by values/patterns, the shape the editor writes.
 */
export type SplitCentre = { id: string; label: string };
export type SplitPattern = { pattern: string; centre: string };
export type MultiCentre = 'even' | 'first' | 'last' | 'weighted';
export type SharedMethod = 'proportional' | 'even';
export type UnattributedMethod = 'proportional' | 'separate' | 'centre';

export type SplitModel = {
  name: string;
  field: string;
  centres: SplitCentre[];
  /** Field value -> centre id. */
  assignments: Record<string, string>;
  patterns: SplitPattern[];
  driver: string | null;
  multiCentre: MultiCentre;
  shared: SharedMethod;
  unattributed: UnattributedMethod;
  /** The centre given unattributed cost when `unattributed` is 'centre'. */
  unattributedCentre: string | null;
};

export const DEFAULT_FIELD = 'queue';

export const emptyModel = (): SplitModel => ({
  name: '', field: DEFAULT_FIELD, centres: [], assignments: {}, patterns: [], driver: null,
  multiCentre: 'even', shared: 'proportional', unattributed: 'proportional', unattributedCentre: null,
});

const slug = (label: string): string =>
  label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'centre';

/** A centre id from its label, unique among `taken` and never the reserved `unattributed`. */
export const centreIdFor = (label: string, taken: readonly string[]): string => {
  const base = slug(label);
  let id = base === 'unattributed' ? 'unattributed-centre' : base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
};

export const rulesOfModel = (m: SplitModel): Record<string, unknown> => {
  const rules = m.centres.flatMap((c) => {
    const values = Object.entries(m.assignments).filter(([, centre]) => centre === c.id).map(([v]) => v);
    return values.length > 0 ? [{ centre: c.id, where: { [m.field]: values } }] : [];
  });
  const patterns = m.patterns.filter((p) => p.pattern.trim() !== '' && m.centres.some((c) => c.id === p.centre))
    .map((p) => ({ centre: p.centre, where: { [m.field]: p.pattern.trim() } }));
  const unattributed = m.unattributed === 'centre' && m.unattributedCentre
    ? { method: 'centre', centre: m.unattributedCentre }
    : { method: m.unattributed === 'centre' ? 'proportional' : m.unattributed };
  return {
    format: 'tarifa.rules/1',
    ...(m.name.trim() ? { name: m.name.trim() } : {}),
    centres: m.centres.map((c) => ({ id: c.id, label: c.label })),
    rules: [...rules, ...patterns],
    ...(m.driver ? { driver: m.driver } : {}),
    multiCentre: m.multiCentre,
    shared: { method: m.shared },
    unattributed,
  };
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The editor's model of a (valid) rules document, or null when its rules use what the editor cannot show. */
export const modelOfRules = (json: unknown): SplitModel | null => {
  if (!isRecord(json) || !Array.isArray(json.centres) || !Array.isArray(json.rules)) return null;
  const m = emptyModel();
  m.name = typeof json.name === 'string' ? json.name : '';
  m.centres = json.centres.filter(isRecord).map((c) => ({ id: String(c.id), label: typeof c.label === 'string' ? c.label : String(c.id) }));
  let field: string | null = null;
  for (const rule of json.rules) {
    if (!isRecord(rule) || !isRecord(rule.where)) return null;
    const keys = Object.keys(rule.where);
    if (keys.length !== 1 || (field !== null && keys[0] !== field)) return null;
    field = keys[0];
    const raw = rule.where[field];
    const values = Array.isArray(raw) ? raw : [raw];
    if (!values.every((v) => typeof v === 'string')) return null;
    for (const v of values as string[]) {
      if (v.includes('*')) m.patterns.push({ pattern: v, centre: String(rule.centre) });
      else if (!(v in m.assignments)) m.assignments[v] = String(rule.centre);
    }
  }
  m.field = field ?? DEFAULT_FIELD;
  m.driver = typeof json.driver === 'string' ? json.driver : null;
  if (typeof json.multiCentre === 'string') m.multiCentre = json.multiCentre as MultiCentre;
  if (isRecord(json.shared)) {
    if (json.shared.method === 'fixed') return null;
    if (json.shared.method === 'even') m.shared = 'even';
  }
  if (isRecord(json.unattributed)) {
    const u = json.unattributed;
    if (u.method === 'separate') m.unattributed = 'separate';
    if (u.method === 'centre' && typeof u.centre === 'string') { m.unattributed = 'centre'; m.unattributedCentre = u.centre; }
  }
  return m;
};

/** An amount typed by the user: digits with one optional decimal point or comma, no thousands separators. */
export const parseAmount = (text: string): string | null => {
  const t = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? t : /^\.\d+$/.test(t) ? `0${t}` : null;
};

/** Fields the editor offers (the worker's rulesValues accepts these and the other text fields but id and contact). */
export const SPLIT_FIELDS = ['queue', 'team', 'agent', 'bot', 'channel', 'template', 'cost_centre', 'category', 'kind', 'direction', 'country', 'status'] as const;
