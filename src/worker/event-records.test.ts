import { describe, expect, it } from 'vitest';
import { allocateColumns, emptyDictionaries, PRICE_SCALE } from '../engine/events';
import { decodeEvents } from './event-records';

describe('decodeEvents', () => {
  it('decodes strings through the dictionaries, timestamps as ISO and empty numbers as empty', () => {
    const columns = allocateColumns(2);
    const dicts = emptyDictionaries();
    dicts.kind.push('message', 'call');
    dicts.contact.push('+5511999990000');
    columns.timestamp.set([Date.UTC(2025, 0, 2, 3, 4, 5), Date.UTC(2025, 0, 3)]);
    columns.strings.kind.set([1, 2]);
    columns.strings.contact.set([1, 0]);
    columns.duration.set([Number.NaN, 65]);
    columns.segments.set([Number.NaN, Number.NaN]);
    columns.quantity.set([1, 2]);
    columns.price.set([Number.NaN, 0.05 * PRICE_SCALE]);
    const records = decodeEvents({ columns, dicts }, [1, 0, 5, -1]);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({ index: 1, timestamp: '2025-01-03T00:00:00.000Z', kind: 'call', contact: '', duration: 65, segments: '', quantity: 2, price: 0.05 });
    expect(records[1]).toMatchObject({ index: 0, timestamp: '2025-01-02T03:04:05.000Z', kind: 'message', contact: '+5511999990000', price: '' });
    expect(Object.keys(records[0])).toContain('cost_centre');
  });
});
