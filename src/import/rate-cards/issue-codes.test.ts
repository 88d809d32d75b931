import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codeOfMessage } from '../../engine/issue-codes';
import { readMetaRateCard } from './meta-csv';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/rate-cards/${name}`, import.meta.url), 'utf8');

/** The plan editor shows a rate-card file's issues by line in the user's language: each wording has a code. */
describe('rate-card issues have codes for the UI languages (issue #7)', () => {
  it('every issue of the broken and headerless fixtures is a known wording', () => {
    const issues = [...readMetaRateCard(fixture('meta-pricing-broken.csv')).issues, ...readMetaRateCard(fixture('no-header.csv')).issues];
    expect(issues.length).toBeGreaterThan(8);
    expect(issues.filter((i) => codeOfMessage(i.message) === undefined)).toEqual([]);
    expect(codeOfMessage("market 'Brasil' (BR) is already on line 4")).toEqual({ code: 'marketTwice', params: { name: 'Brasil', id: 'BR', line: '4' } });
  });
});
