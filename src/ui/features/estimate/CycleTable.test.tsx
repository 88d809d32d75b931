// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { estimatePlan } from '../../../engine/estimate/estimate';
import { parsePlan } from '../../../engine/plan/validate';
import { buildTable } from '../../../engine/testing/table-builder';
import { renderWithServices } from '../../../../test/helpers/in-process-app';
import { CycleTable } from './CycleTable';

afterEach(cleanup);

const plan = (extra: object) => {
  const parsed = parsePlan({
    format: 'tarifa.plan/1', name: 'Per message', currency: 'USD', cycle: { anchorDay: 1, timeZone: 'UTC' },
    meters: { messages: { type: 'count', where: { kind: 'message' } } },
    charges: [{ id: 'msg', label: 'Messages', meter: 'messages', model: 'standard', unitPrice: '0.50' }],
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.plan;
};

// 30 messages in the first 10 days of a 30-day cycle.
const table = buildTable(Array.from({ length: 30 }, (_, i) => ({ timestamp: `2026-09-${String(1 + (i % 10)).padStart(2, '0')}T12:00:00Z`, kind: 'message' })));
const now = Date.parse('2026-09-11T00:00:00Z');

describe('CycleTable', () => {
  it('shows the lines, the cycle total and, for the running cycle, the projection to its end', () => {
    const estimate = estimatePlan(table, plan({}), { now });
    renderWithServices(<CycleTable cycle={estimate.cycles[0]} currency="USD" timeZone="UTC" datasetId={null} />);
    expect(screen.getByRole('rowheader', { name: 'Messages' })).toBeTruthy();
    expect(screen.getByTestId('cycle-total').textContent).toBe('$15.00');
    // 30 messages in 10 of 30 days -> 90 projected at 0.50 = 45.00 (the engine's figure, rendered as is).
    expect(screen.getByTestId('cycle-projection').textContent).toBe(`$${estimate.cycles[0].projection!.total}`);
    expect(estimate.cycles[0].projection!.total).toBe('45.00');
    expect(screen.getByText(estimate.cycles[0].projection!.text)).toBeTruthy();
  });

  it('says when a cost cap applied, and raises an alert when usage went beyond its tolerance', () => {
    const within = estimatePlan(table, plan({ cap: { amount: '14', tolerancePercent: '10', charges: ['msg'] } }));
    const first = renderWithServices(<CycleTable cycle={within.cycles[0]} currency="USD" timeZone="UTC" datasetId={null} />);
    expect(screen.getByTestId('cycle-total').textContent).toBe('$14.00');
    expect(screen.getByText('The capped charges came to $15.00; billed at the cap of $14.00.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    first.unmount();

    const beyond = estimatePlan(table, plan({ cap: { amount: '10', tolerancePercent: '20', charges: ['msg'] } }));
    renderWithServices(<CycleTable cycle={beyond.cycles[0]} currency="USD" timeZone="UTC" datasetId={null} />);
    expect(screen.getByTestId('cycle-total').textContent).toBe('$10.00');
    expect(screen.getByRole('alert').textContent).toContain('more than 20% above the cap of $10.00');
  });

  it('shows a Vendor column, the vendor total and the difference when the events carry prices; nothing otherwise', () => {
    // 3 messages at 0.50 = 1.50; the vendor priced them 0.1 + 0.2 + 0.45 = 0.75 (summed in micro-units, exact).
    const priced = buildTable([
      { timestamp: '2026-09-01T12:00:00Z', kind: 'message', price: 0.1 },
      { timestamp: '2026-09-02T12:00:00Z', kind: 'message', price: 0.2 },
      { timestamp: '2026-09-03T12:00:00Z', kind: 'message', price: 0.45 },
      { timestamp: '2026-09-03T13:00:00Z', kind: 'call', price: 1 },
    ]);
    const estimate = estimatePlan(priced, plan({}));
    const first = renderWithServices(<CycleTable cycle={estimate.cycles[0]} currency="USD" timeZone="UTC" datasetId={null} />);
    expect(screen.getByRole('columnheader', { name: 'Vendor' })).toBeTruthy();
    const row = screen.getByRole('rowheader', { name: 'Messages' }).closest('tr')!;
    expect([...row.querySelectorAll('td.num')].map((td) => td.textContent)).toEqual(['3', '$1.50', '$0.75']);
    expect(screen.getByTestId('cycle-vendor-total').textContent).toBe('$1.75');
    expect(screen.getByText('Vendor total (4 priced events)')).toBeTruthy();
    expect(screen.getByTestId('cycle-vendor-difference').textContent).toBe('-$0.25');
    first.unmount();

    const plain = estimatePlan(table, plan({}));
    renderWithServices(<CycleTable cycle={plain.cycles[0]} currency="USD" timeZone="UTC" datasetId={null} />);
    expect(screen.queryByRole('columnheader', { name: 'Vendor' })).toBeNull();
    expect(screen.queryByTestId('cycle-vendor-total')).toBeNull();
  });
});
