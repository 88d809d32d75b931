// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TarifaDb } from '../../src/storage/db';
import { createApi } from '../../src/worker/api';
import { parseDraftText } from '../../src/state/plans-slice';
import { createAppStore } from '../../src/state/store';

let seq = 0;
const dbs: TarifaDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const read = (file: string): unknown => JSON.parse(readFileSync(`public/plans/${file}`, 'utf8'));

const setup = () => {
  const db = new TarifaDb(`tarifa-plans-slice-${process.pid}-${++seq}`);
  dbs.push(db);
  const api = createApi({ db });
  const store = createAppStore({
    api,
    fetchDefaultPlan: async () => read('seat-plan.json'),
    fetchShippedPlans: async () => ['seat-plan.json', 'twilio-sms-voice.json'].map((file) => ({ file, json: read(file) })),
  });
  return { store, api };
};

describe('plans slice', () => {
  it('loads the shipped plans with names and descriptions', async () => {
    const { store } = setup();
    await store.getState().loadPlans();
    expect(store.getState().shippedPlans.map((p) => [p.file, p.name])).toEqual([
      ['seat-plan.json', 'Seat plan'], ['twilio-sms-voice.json', expect.any(String)],
    ]);
    expect(store.getState().shippedPlans[0].description).toMatch(/^Basic: 5 agent seats/);
  });

  it('duplicates, checks, refuses to save while invalid, saves, and prices the saved plan', async () => {
    const { store } = setup();
    await store.getState().loadPlans();
    store.getState().duplicateShippedPlan('seat-plan.json');
    await store.getState().validateDraft();
    const s = store.getState();
    expect(s.draft?.savedId).toBeNull();
    expect(JSON.parse(s.draft!.text).name).toBe('Seat plan (copy)');
    expect(s.draftIssues).toEqual([]);

    store.getState().setDraftText(s.draft!.text.replace('"unitPrice": "40"', '"unitPrice": "-40"'));
    await store.getState().validateDraft();
    expect(store.getState().draftIssues).toEqual([{ path: 'charges[1].unitPrice', message: 'must not be negative', code: 'notNegative' }]);
    expect(await store.getState().saveDraft()).toBeNull();
    expect(store.getState().savedPlans).toEqual([]);

    store.getState().setDraftText(store.getState().draft!.text.replace('"-40"', '"55"'));
    const saved = await store.getState().saveDraft();
    expect(saved?.name).toBe('Seat plan (copy)');
    expect(store.getState().draft?.savedId).toBe(saved!.id);
    expect(store.getState().savedPlans.map((p) => p.id)).toEqual([saved!.id]);

    store.getState().applySavedPlan(saved!.id);
    expect(store.getState().page).toBe('estimate');
    expect(store.getState().plan).toMatchObject({ source: 'saved', key: `saved:${saved!.id}`, name: 'Seat plan (copy)' });

    // Deleting the plan in use goes back to the default.
    await store.getState().deleteSavedPlan(saved!.id);
    expect(store.getState().plan).toMatchObject({ source: 'default', key: 'shipped:seat-plan.json' });
    expect(store.getState().savedPlans).toEqual([]);
  });

  it('imports a valid plan file at once and opens an invalid one in the editor', async () => {
    const { store } = setup();
    await store.getState().importPlanFile('seat.json', readFileSync('public/plans/seat-plan.json', 'utf8'));
    expect(store.getState().plansNotice).toEqual({ kind: 'imported', name: 'Seat plan' });
    expect(store.getState().savedPlans).toHaveLength(1);

    await store.getState().importPlanFile('bad.json', readFileSync('test/fixtures/bad-plan.json', 'utf8'));
    await store.getState().validateDraft();
    expect(store.getState().draftIssues.map((i) => i.path)).toEqual(['charges[1].unitPrice']);
    expect(store.getState().savedPlans).toHaveLength(1);

    await store.getState().importPlanFile('broken.json', '{ "format": ');
    expect(store.getState().plansError?.issues?.[0].path).toBe('(json)');
  });
});

describe('parseDraftText', () => {
  it('names the line and column of a JSON syntax error', () => {
    const r = parseDraftText('{\n  "a": 1,\n  "b" 2\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issue.message).toMatch(/line 3 column/);
  });
});
