import { describe, expect, it } from 'vitest';
import { PricingError } from '../engine/estimate/pricing-error';
import { ImportError } from '../import/types';
import { StorageQuotaError } from '../storage/quota';
import { createRejectTally, nothingImportedFailure, toFailure } from './failure';

describe('toFailure', () => {
  it('maps each kind of error to its code', () => {
    expect(toFailure(new DOMException('stop', 'AbortError')).code).toBe('cancelled');
    expect(toFailure(new Error('whatever'), true).code).toBe('cancelled');
    expect(toFailure(new ImportError('No header row', 1))).toEqual({ code: 'bad-file', message: 'No header row', line: 1 });
    expect(toFailure(new ImportError('Empty file'))).toEqual({ code: 'bad-file', message: 'Empty file' });
    expect(toFailure(new StorageQuotaError()).code).toBe('quota');
    expect(toFailure({ name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') }).code).toBe('cancelled');
    expect(toFailure({ name: 'UnknownError', inner: new DOMException('full', 'QuotaExceededError') }).code).toBe('quota');
    expect(toFailure(new DOMException('gone', 'NotReadableError')).code).toBe('bad-file');
    expect(toFailure(new TypeError('x is undefined'))).toEqual({
      code: 'internal', message: 'Unexpected error: x is undefined', detail: { code: 'unexpected', params: { error: 'x is undefined' } },
    });
  });

  it('reports a rate card missing a rate as an invalid plan naming the field and key', () => {
    const issue = { path: 'charges[0].rates', message: "no rate for key 'XX:marketing' in rate card 'meta', and no 'default' rate" };
    const failure = toFailure(new PricingError([issue]));
    expect(failure.code).toBe('invalid-plan');
    expect(failure.issues).toEqual([{ ...issue, code: 'noRate', params: { key: 'XX:marketing', charge: 'meta' } }]);
  });
});

describe('nothingImportedFailure', () => {
  it('summarises the reasons, most frequent first, with the first line', () => {
    const tally = createRejectTally();
    tally.add([
      { line: 3, reason: "timestamp: cannot read 'x' as a date", raw: '' },
      { line: 2, reason: 'kind: empty', raw: '' },
      { line: 4, reason: "timestamp: cannot read 'y' as a date", raw: '' },
    ]);
    const failure = nothingImportedFailure(tally, { rowsRead: 4, duplicates: 0 });
    expect(failure.code).toBe('bad-file');
    expect(failure.line).toBe(2);
    expect(failure.message).toBe(
      "No rows could be imported: all 3 data rows were rejected. timestamp: 2 rows (first at line 3: timestamp: cannot read 'x' as a date); kind: 1 row (first at line 2: kind: empty).",
    );
  });

  it('explains a file with no data rows', () => {
    expect(nothingImportedFailure(createRejectTally(), { rowsRead: 1, duplicates: 0 }).message).toBe('The file has no data rows to import.');
  });
});
