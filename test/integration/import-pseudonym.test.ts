/**
 * Issue #3, privacy by construction: with a pseudonymisation key no emitted chunk (nor the summary) holds a contact
 * as written or a message body; distinct-contact counts match a raw import; countries are still derived.
 */
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STRING_FIELDS, tableFromChunks } from '../../src/engine/events';
import type { EventChunk, EventTable } from '../../src/engine/events';
import { ColumnBuilder } from '../../src/import/column-builder';
import { importCsv } from '../../src/import/import-csv';
import { isDialledNumber } from '../../src/import/generic/row-writer';
import { createPseudonymiser, randomPseudonymKey } from '../../src/import/pseudonym';
import { ImportError } from '../../src/import/types';
import type { ImportOptions, ImportSummary, RejectedRow } from '../../src/import/types';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);
const key = Uint8Array.from({ length: 32 }, (_, i) => 255 - i);

const run = async (path: URL | string, options: Partial<ImportOptions> = {}) => {
  const chunks: EventChunk[] = [];
  const rejects: RejectedRow[] = [];
  const summary = await importCsv(typeof path === 'string' ? path : createReadStream(path), { timeZone: 'UTC', ...options }, {
    chunk: async (c, r) => {
      chunks.push(c);
      rejects.push(...r);
    },
  });
  return { summary, chunks, rejects, table: tableFromChunks(chunks) };
};

/** Every text the chunks carry: all fields' dictionary entries (ids included), as one list. */
const emittedTexts = (chunks: EventChunk[]): string[] => chunks.flatMap((c) => STRING_FIELDS.flatMap((f) => c.dictAppend[f]));
const distinctContacts = (t: EventTable) => new Set(Array.from(t.columns.strings.contact).filter((c) => c !== 0)).size;
const column = (t: EventTable, f: 'contact' | 'country') => Array.from(t.columns.strings[f], (c) => t.dicts[f][c]);

describe('pseudonymised contacts on generic-contacts-bodies.csv', () => {
  const file = fixture('generic-contacts-bodies.csv');
  const rows = readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

  it('one pseudonym per contact whatever its notation; the country is derived from the number', async () => {
    const { summary, table } = await run(file, { pseudonymKey: key });
    expect(summary).toMatchObject({ imported: 10, rejected: 1, contacts: 'pseudonymised' });
    const contacts = column(table, 'contact');
    for (const c of contacts) expect(c).toMatch(/^c_[A-Za-z0-9_-]{22}$/);
    expect(new Set(contacts.slice(0, 3)).size).toBe(1); // +55 11 98765-0001, +5511987650001, (+55) 11.98765.0001
    expect(contacts[3]).toBe(contacts[4]); // whatsapp:+5521998887777, WhatsApp:+55 21 99888-7777
    expect(contacts[5]).toBe(contacts[6]); // e-mail in two cases
    expect(distinctContacts(table)).toBe(6);
    expect(column(table, 'country')).toEqual(['BR', 'BR', 'BR', 'BR', 'BR', '', '', 'DO', 'GB', '']);
  });

  it('no contact as written and no message body in any emitted dictionary or in the summary', async () => {
    const { summary, chunks, rejects } = await run(file, { pseudonymKey: key });
    const texts = emittedTexts(chunks);
    const everything = `${texts.join('\n')}\n${JSON.stringify(summary)}`;
    const contactOf = (r: string[]) => r[4];
    const bodyOf = (r: string[]) => r.slice(7).join(',').replace(/^"|"$/g, '');
    for (const r of rows.slice(0, 10)) {
      expect(everything).not.toContain(contactOf(r));
      expect(everything).not.toContain(contactOf(r).replace(/\D/g, '').slice(-8) || '\u0000');
      expect(everything).not.toContain(bodyOf(r));
    }
    expect(everything.toLowerCase()).not.toContain('joana');
    expect(everything).not.toContain('730512');
    expect(everything).not.toContain('segredo');
    // Rejects are the one place the row stays as written, so the user can fix the file.
    expect(rejects).toHaveLength(1);
    expect(rejects[0].raw).toContain('+5511911112222');
    expect(everything).not.toContain('5511911112222');
  });

  it('message bodies are never emitted, raw or pseudonymised: only their segment count is', async () => {
    for (const options of [{}, { pseudonymKey: key }]) {
      const { chunks, table } = await run(file, options);
      const texts = emittedTexts(chunks).join('\n');
      for (const r of rows) expect(texts).not.toContain(r.slice(7).join(',').replace(/^"|"$/g, ''));
      expect(Array.from(table.columns.segments)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    }
  });

  it('equal under one key across imports and builders; different under another key', async () => {
    const a = column((await run(file, { pseudonymKey: key })).table, 'contact');
    const again = column((await run(file, { pseudonymKey: key.slice() })).table, 'contact');
    const other = column((await run(file, { pseudonymKey: randomPseudonymKey() })).table, 'contact');
    expect(again).toEqual(a);
    expect(other.filter((c, i) => c === a[i])).toEqual([]);
    // Another file, another notation, same key: the same pseudonym (datasets can be joined).
    const csv = 'timestamp,contact\n2026-09-02T00:00:00Z,+55-11-98765-0001\n';
    expect(column((await run(csv, { preset: 'generic', pseudonymKey: key })).table, 'contact')).toEqual([a[0]]);
  });

  it('a raw import keeps contacts as written', async () => {
    const { summary, table } = await run(file);
    expect(summary.contacts).toBe('raw');
    expect(column(table, 'contact').slice(0, 2)).toEqual(['+55 11 98765-0001', '+5511987650001']);
  });
});

describe('pseudonymised contacts on every preset fixture', () => {
  const presets = readdirSync(fixture('presets')).map((n) => `presets/${n}`);
  const windows1252 = (n: string) => (n.includes('windows1252') ? { encoding: 'windows-1252' as const } : {});

  it.each(presets)('%s: no raw contact is emitted as a contact, distinct counts and countries match a raw import', async (name) => {
    const raw = await run(fixture(name), windows1252(name));
    const hidden = await run(fixture(name), { ...windows1252(name), pseudonymKey: key });
    const hiddenSummary: ImportSummary = hidden.summary;
    expect({ ...hiddenSummary, contacts: 'raw' }).toEqual({ ...raw.summary });
    expect(hidden.table.columns.length).toBe(raw.table.columns.length);
    expect(distinctContacts(hidden.table)).toBe(distinctContacts(raw.table));
    expect(column(hidden.table, 'country')).toEqual(column(raw.table, 'country'));
    const rawContacts = raw.table.dicts.contact.filter((c) => c !== '');
    const emittedContacts = new Set(hidden.chunks.flatMap((c) => c.dictAppend.contact));
    for (const c of rawContacts) expect(emittedContacts.has(c)).toBe(false);
    // Every other field is as in the raw import, except the phone numbers of a field that may hold a customer's
    // (the PBX presets' dialled number in channel): pseudonymised like contacts.
    const pseudonym = createPseudonymiser(key);
    const customer = name.includes('asterisk') || name.includes('freeswitch') ? ['channel'] : [];
    for (const f of STRING_FIELDS.filter((x) => x !== 'contact')) {
      const expected = Array.from(raw.table.columns.strings[f], (c) => raw.table.dicts[f][c]);
      expect(Array.from(hidden.table.columns.strings[f], (c) => hidden.table.dicts[f][c]))
        .toEqual(customer.includes(f) ? expected.map((v) => (isDialledNumber(v) ? pseudonym(v) : v)) : expected);
    }
  });
});

describe('a dataset continued over several files', () => {
  const a = 'timestamp,contact\n2026-09-01T00:00:00Z,+5511987650001\n2026-09-01T00:01:00Z,+5521998887777\n';
  const b = 'timestamp,contact\n2026-09-02T00:00:00Z,+55 11 98765-0001\n2026-09-02T00:01:00Z,+5531977776666\n';

  it('shares pseudonyms across the files: distinct contacts count once', async () => {
    const dataset = new ColumnBuilder();
    const chunks: EventChunk[] = [];
    const sink = { chunk: async (c: EventChunk) => void chunks.push(c) };
    await importCsv(a, { preset: 'generic', timeZone: 'UTC', dataset, pseudonymKey: key }, sink);
    await importCsv(b, { preset: 'generic', timeZone: 'UTC', dataset, pseudonymKey: key.slice() }, sink);
    expect(distinctContacts(tableFromChunks(chunks))).toBe(3);
  });

  it('refuses a file with another key, or none, once the dataset has one (and the other way round)', async () => {
    const sink = { chunk: async () => undefined };
    const hidden = new ColumnBuilder();
    await importCsv(a, { preset: 'generic', timeZone: 'UTC', dataset: hidden, pseudonymKey: key }, sink);
    await expect(importCsv(b, { preset: 'generic', timeZone: 'UTC', dataset: hidden, pseudonymKey: randomPseudonymKey() }, sink))
      .rejects.toThrow(ImportError);
    await expect(importCsv(b, { preset: 'generic', timeZone: 'UTC', dataset: hidden }, sink)).rejects.toThrow(/pseudonymised/);
    const plain = new ColumnBuilder();
    await importCsv(a, { preset: 'generic', timeZone: 'UTC', dataset: plain }, sink);
    await expect(importCsv(b, { preset: 'generic', timeZone: 'UTC', dataset: plain, pseudonymKey: key }, sink))
      .rejects.toThrow(/as written/);
  });

  it('a key that is not 32 bytes is an ImportError', async () => {
    await expect(importCsv(a, { preset: 'generic', timeZone: 'UTC', pseudonymKey: new Uint8Array(8) }, { chunk: async () => undefined }))
      .rejects.toThrow(ImportError);
  });
});
