/**
 * Payback and ROI of a plan (domain notes: "5 agents at $2,000/month, 25% efficiency gain = $2,500 saved vs a $500
 * plan"): monthly saving = agents × monthly salary × gain / 100; net = saving − plan cost a month; ROI = net / plan
 * cost; payback of a one-time fee = fee / net months (none when the plan does not pay for itself). Exact decimals,
 * rounded to 2 places half-up at the end (ROI to 1 decimal, payback to 1 decimal month).
 */
import { Dec, money, ZERO, type Big } from '../money';
import { SimulationError } from './resample';
import type { Tco } from './tco';

export type RoiInput = { agents: number; monthlySalary: string; efficiencyGainPercent: string; planMonthlyCost: string; setupFee: string };

export type Roi = {
  monthlySaving: string;
  planMonthlyCost: string;
  monthlyNet: string;
  /** net / plan cost × 100; null when the plan costs nothing. */
  roiPercent: string | null;
  /** Months until the setup fee is paid back by the net saving; "0.0" without a fee; null when net <= 0. */
  paybackMonths: string | null;
  yearlyNet: string;
};

const TWO = { decimals: 2, mode: 'half-up' } as const;
const ONE = { decimals: 1, mode: 'half-up' } as const;

const amount = (value: string, path: string): Big => {
  try {
    const d = new Dec(value.trim() === '' ? '0' : value);
    if (d.lt(0)) throw new Error('negative');
    return d;
  } catch {
    throw new SimulationError(`${path}: '${value}' must be an amount of at least 0`, path);
  }
};

/**
 * The plan cost a month that ROI compares with: the average month of a TCO projection, its one-time setup fee apart
 * ((total − setup fee) / months), rounded to the cent half-up.
 */
export const monthlyPlanCost = (tco: Pick<Tco, 'total' | 'setupFee' | 'months'>): string =>
  money(new Dec(tco.total).minus(tco.setupFee).div(Math.max(1, tco.months.length)), TWO);

export const roi = (input: RoiInput): Roi => {
  if (!Number.isInteger(input.agents) || input.agents < 0) throw new SimulationError('roi.agents: must be a whole number of at least 0', 'roi.agents');
  const salary = amount(input.monthlySalary, 'roi.monthlySalary');
  const gain = amount(input.efficiencyGainPercent, 'roi.efficiencyGainPercent');
  const cost = amount(input.planMonthlyCost, 'roi.planMonthlyCost');
  const setup = amount(input.setupFee, 'roi.setupFee');
  const saving = new Dec(input.agents).times(salary).times(gain).div(100);
  const net = saving.minus(cost);
  return {
    monthlySaving: money(saving, TWO),
    planMonthlyCost: money(cost, TWO),
    monthlyNet: money(net, TWO),
    roiPercent: cost.gt(0) ? money(net.div(cost).times(100), ONE) : null,
    paybackMonths: setup.eq(0) ? money(ZERO, ONE) : net.gt(0) ? money(setup.div(net), ONE) : null,
    yearlyNet: money(net.times(12), TWO),
  };
};
