/**
 * The Split page's rule editor as plain data: centres; per field, each value of the field assigned to at most one
 * centre (the empty value too); wildcard patterns per field; rules on several fields at once ("combined": every
 * condition must hold, kept as written); and the policies. `field` is only the field the page is showing.
 * `rulesOfModel` writes it as a `tarifa.rules/1` document (the one thing the worker splits by and the user exports),
 * in this order, first match wins: combined rules; then field by field (in the order they were first used) the
 * values, then that field's patterns; last, combined rules without conditions (catch-alls). `modelOfRules` reads any
 * valid rule set back; a file whose rules interleave differently is read in that order.
 */
export type SplitCentre = { id: string; label: string };
export type SplitPattern = { field: string; pattern: string; centre: string };
/** A rule on several fields (or with `not`, numbers, hour ranges…): its `where` as in the rules file. */
export type CombinedRule = { centre: string; where: Record<string, unknown> };
export type MultiCentre = 'even' | 'first' | 'last' | 'weighted';
export type SharedMethod = 'proportional' | 'even';
export type UnattributedMethod = 'proportional' | 'separate' | 'centre';

export type SplitModel = {
  name: string;
  /** The field whose values the page lists. */
  field: string;
  centres: SplitCentre[];
  /** Field -> (value -> centre id); '' is the empty value. Fields are tried in key order. */
  assignments: Record<string, Record<string, string>>;
  patterns: SplitPattern[];
  combined: CombinedRule[];
  driver: string | null;
  multiCentre: MultiCentre;
  shared: SharedMethod;
  unattributed: UnattributedMethod;
  /** The centre given unattributed cost when `unattributed` is 'centre'. */
  unattributedCentre: string | null;
};

export const DEFAULT_FIELD = 'queue';

export const emptyModel = (): SplitModel => ({
  name: '', field: DEFAULT_FIELD, centres: [], assignments: {}, patterns: [], combined: [], driver: null,
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

/** The fields the model's value rules and patterns use, in the order they are tried. */
export const fieldsInUse = (m: SplitModel): string[] => {
  const fields = Object.keys(m.assignments).filter((f) => Object.keys(m.assignments[f]).length > 0);
  for (const p of m.patterns) if (!fields.includes(p.field)) fields.push(p.field);
  return fields;
};

const hasConditions = (r: CombinedRule): boolean => Object.keys(r.where).length > 0;

export const rulesOfModel = (m: SplitModel): Record<string, unknown> => {
  const known = (centre: string) => m.centres.some((c) => c.id === centre);
  const combined = m.combined.filter((r) => known(r.centre));
  const byField = fieldsInUse(m).flatMap((field) => {
    const assigned = Object.entries(m.assignments[field] ?? {});
    const values = m.centres.flatMap((c) => {
      const of = assigned.filter(([, centre]) => centre === c.id).map(([v]) => v);
      return of.length > 0 ? [{ centre: c.id, where: { [field]: of } }] : [];
    });
    const patterns = m.patterns.filter((p) => p.field === field && p.pattern.trim() !== '' && known(p.centre))
      .map((p) => ({ centre: p.centre, where: { [field]: p.pattern.trim() } }));
    return [...values, ...patterns];
  });
  const unattributed = m.unattributed === 'centre' && m.unattributedCentre
    ? { method: 'centre', centre: m.unattributedCentre }
    : { method: m.unattributed === 'centre' ? 'proportional' : m.unattributed };
  return {
    format: 'tarifa.rules/1',
    ...(m.name.trim() ? { name: m.name.trim() } : {}),
    centres: m.centres.map((c) => ({ id: c.id, label: c.label })),
    rules: [
      ...combined.filter(hasConditions).map((r) => ({ centre: r.centre, where: r.where })),
      ...byField,
      ...combined.filter((r) => !hasConditions(r)).map((r) => ({ centre: r.centre })),
    ],
    ...(m.driver ? { driver: m.driver } : {}),
    multiCentre: m.multiCentre,
    shared: { method: m.shared },
    unattributed,
  };
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The editor's model of a (valid) rules document, or null when it uses what the editor cannot show (fixed weights). */
export const modelOfRules = (json: unknown): SplitModel | null => {
  if (!isRecord(json) || !Array.isArray(json.centres) || !Array.isArray(json.rules)) return null;
  const m = emptyModel();
  m.name = typeof json.name === 'string' ? json.name : '';
  m.centres = json.centres.filter(isRecord).map((c) => ({ id: String(c.id), label: typeof c.label === 'string' ? c.label : String(c.id) }));
  for (const rule of json.rules) {
    if (!isRecord(rule)) return null;
    const centre = String(rule.centre);
    const where = isRecord(rule.where) ? rule.where : {};
    const keys = Object.keys(where);
    const raw = keys.length === 1 ? where[keys[0]] : undefined;
    const values = Array.isArray(raw) ? raw : [raw];
    if (keys.length !== 1 || !values.every((v) => typeof v === 'string')) {
      m.combined.push({ centre, where: structuredClone(where) });
      continue;
    }
    const field = keys[0];
    for (const v of values as string[]) {
      if (v.includes('*')) m.patterns.push({ field, pattern: v, centre });
      else {
        const of = (m.assignments[field] ??= {});
        if (!(v in of)) of[v] = centre;
      }
    }
  }
  m.field = fieldsInUse(m)[0] ?? DEFAULT_FIELD;
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

/** "queue = Sales and col:Region in [North, South]": a combined rule's conditions as text. */
export const conditionsText = (where: Record<string, unknown>): string =>
  Object.entries(where).map(([f, v]) => {
    const show = (x: unknown): string => (x === '' ? "''" : typeof x === 'string' ? x : JSON.stringify(x));
    if (Array.isArray(v)) return `${f} in [${v.map(show).join(', ')}]`;
    if (isRecord(v) && 'not' in v) return Array.isArray(v.not) ? `${f} not in [${v.not.map(show).join(', ')}]` : `${f} ≠ ${show(v.not)}`;
    return `${f} = ${show(v)}`;
  }).join(' and ');

/** An amount typed by the user: digits with one optional decimal point or comma, no thousands separators. */
export const parseAmount = (text: string): string | null => {
  const t = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? t : /^\.\d+$/.test(t) ? `0${t}` : null;
};

/** Fields the editor offers (the worker's rulesValues accepts these and the other text fields but id and contact). */
export const SPLIT_FIELDS = ['queue', 'team', 'agent', 'bot', 'channel', 'template', 'cost_centre', 'category', 'kind', 'direction', 'country', 'status'] as const;
