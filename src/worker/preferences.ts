/**
 * The user's dashboard preferences kept in IndexedDB's settings table (issue #7): the allowance alert threshold, so
 * it survives a reload. Values arrive from another thread and from older versions: anything malformed reads as unset.
 */
import type { TarifaDb } from '../storage/db';
import { getSetting, setSetting } from '../storage/settings-repo';
import { toFailure } from './failure';
import type { AllowanceAlert, Result } from './types';

const ALERT_SETTING = 'allowanceAlert';

export const isAllowanceAlert = (v: unknown): v is AllowanceAlert => {
  if (typeof v !== 'object' || v === null) return false;
  const { mode, value } = v as Record<string, unknown>;
  return (mode === 'percent' || mode === 'remaining') && typeof value === 'number' && Number.isFinite(value) && value >= 0;
};

export const readAllowanceAlert = async (db: TarifaDb): Promise<AllowanceAlert | null> => {
  const stored = await getSetting<unknown>(db, ALERT_SETTING);
  return isAllowanceAlert(stored) ? { mode: stored.mode, value: stored.value } : null;
};

export const writeAllowanceAlert = async (db: TarifaDb, alert: unknown): Promise<Result<void>> => {
  if (!isAllowanceAlert(alert)) {
    return { ok: false, error: { code: 'internal', message: 'An alert threshold is a mode (percent or remaining) and a number of at least 0.' } };
  }
  try {
    await setSetting(db, ALERT_SETTING, { mode: alert.mode, value: alert.value });
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, error: toFailure(error) };
  }
};
