/**
 * The PBX presets put the dialled number in `channel`: on an outbound call that is the customer's number. With a
 * pseudonymisation key it must leave the import only as a pseudonym (the same one the number gets as a contact), while
 * extensions stay readable.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventChunk } from '../../engine/events';
import { tableFromChunks } from '../../engine/events';
import { isDialledNumber } from '../generic/row-writer';
import { importCsv } from '../import-csv';
import { createPseudonymiser } from '../pseudonym';
import type { ImportOptions } from '../types';

const KEY = new Uint8Array(32).map((_, i) => i + 1);
const pseudonym = createPseudonymiser(KEY);

const run = async (fixture: string, options: Partial<ImportOptions> = {}) => {
  const text = readFileSync(`test/fixtures/presets/${fixture}`, 'utf8');
  const chunks: EventChunk[] = [];
  const summary = await importCsv(text, { timeZone: 'UTC', ...options }, { chunk: async (c) => { chunks.push(c); } });
  const table = tableFromChunks(chunks);
  const decode = (f: 'contact' | 'channel') => Array.from(table.columns.strings[f], (c) => table.dicts[f][c]);
  // Every text the chunks carry, to check no number leaves in any field.
  const texts = chunks.flatMap((c) => Object.values(c.dictAppend).flat() as string[]);
  return { summary, contact: decode('contact'), channel: decode('channel'), texts };
};

/** Runs of 7+ digits: phone numbers (uniqueids such as 1788252000.1 have 10 digits too, so ids are left out). */
const numbersIn = (texts: string[]) => texts.filter((t) => /\d{7,}/.test(t.replace(/[\s().-]/g, '')) && !/^\d{10}\.\d+/.test(t) && !/^[0-9a-f]{8}-/.test(t));

describe('asterisk and freeswitch: dialled numbers are pseudonymised with the contacts', () => {
  it('asterisk: the outbound dialled number (dst) becomes the pseudonym it has as a contact; extensions stay', async () => {
    const { summary, contact, channel, texts } = await run('asterisk-master.csv', { pseudonymKey: KEY });
    expect(summary).toMatchObject({ preset: 'asterisk', imported: 5, contacts: 'pseudonymised' });
    // Inbound legs dial the extensions 4000/4001; the outbound calls dial 18095550142 and 447700900123.
    expect(channel).toEqual(['4000', '4000', '4001', pseudonym('18095550142'), pseudonym('447700900123')]);
    expect(contact.slice(0, 3)).toEqual([pseudonym('5511987650001'), pseudonym('5511987650001'), pseudonym('5521998887777')]);
    expect(contact.slice(3)).toEqual([pseudonym('1001'), pseudonym('1001')]);
    expect(numbersIn(texts)).toEqual([]);
  });

  it('freeswitch: destination_number is pseudonymised on outbound calls; a number called back matches its contact pseudonym', async () => {
    const { summary, contact, channel, texts } = await run('freeswitch-cdr.csv', { pseudonymKey: KEY });
    expect(summary).toMatchObject({ preset: 'freeswitch', contacts: 'pseudonymised' });
    expect(channel.filter((c) => c === '1000').length).toBeGreaterThan(0);
    expect(channel).toContain(pseudonym('525512345678'));
    // 5511987650001 calls in (contact) and is called back (channel): one pseudonym, so the customer joins up.
    expect(contact).toContain(pseudonym('5511987650001'));
    expect(channel).toContain(pseudonym('5511987650001'));
    expect(numbersIn(texts)).toEqual([]);
  });

  it('without a key (raw identifiers chosen) the dialled numbers stay as written', async () => {
    const { channel } = await run('asterisk-master.csv');
    expect(channel).toEqual(['4000', '4000', '4001', '18095550142', '447700900123']);
  });

  it('tells a phone number from an extension or a channel name', () => {
    for (const v of ['5511987650001', '+55 11 98765-0001', '0011551198765', '(11) 98765-0001', 'tel:+5511987650001', '9876543']) {
      expect(isDialledNumber(v), v).toBe(true);
    }
    for (const v of ['100', '2001', '123456', 's', '*97', 'h', 'SIP/trunk-00000001', 'wa-main', '']) expect(isDialledNumber(v), v).toBe(false);
  });
});
