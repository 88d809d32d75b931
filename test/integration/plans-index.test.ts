// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_FILE } from '../../src/state/plans-slice';

const index = JSON.parse(readFileSync('public/plans-index.json', 'utf8')) as { default: string; plans: string[] };

describe('public/plans-index.json', () => {
  it('lists every example plan in public/plans exactly once, so the app offers them all', () => {
    const files = readdirSync('public/plans').filter((f) => f.endsWith('.json'));
    expect([...index.plans].sort()).toEqual([...files].sort());
    expect(new Set(index.plans).size).toBe(index.plans.length);
  });

  it('names the default plan the app prices first', () => {
    expect(index.default).toBe(DEFAULT_PLAN_FILE);
    expect(index.plans[0]).toBe(DEFAULT_PLAN_FILE);
  });
});
