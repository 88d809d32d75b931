/** Command-line arguments of `tarifa`, checked before any file is read (usage errors exit 2). */
import { parseArgs } from 'node:util';
import { isPresetChoice, PRESET_NAMES } from '../import/presets/types';
import type { PresetChoice } from '../import/presets/types';
import { isTimeZone } from '../engine/time/zone';

/** `--preset`: a preset name, 'auto', or the path of a saved custom preset file (`tarifa.preset/1`, read by loadUsage). */
export type PresetArg = PresetChoice | string;

/** A `--preset` value that is a file rather than a name: it ends in .json or has a directory in it. */
export const isPresetFile = (s: string): boolean => !isPresetChoice(s) && (/\.json$/i.test(s) || /[\\/]/.test(s));

export type OutputFormat = 'json' | 'csv' | 'table';

export type BillArgs = {
  command: 'bill';
  files: string[];
  plan: string;
  preset: PresetArg;
  timeZone: string;
  format: OutputFormat;
  /** Pseudonymise contacts with a random key for this run (default: keep them as written; only aggregates are printed). */
  pseudonymise: boolean;
};

export type InspectArgs = {
  command: 'inspect';
  file: string;
  preset: PresetArg;
  timeZone: string;
  format: 'json' | 'table';
  pseudonymise: boolean;
};

export type SplitArgs = {
  command: 'split';
  files: string[];
  plan: string;
  rules: string;
  /** Split this invoice total (a decimal string) by the rules' driver instead of the estimate. */
  invoiceTotal?: string;
  preset: PresetArg;
  timeZone: string;
  format: OutputFormat;
  pseudonymise: boolean;
};

export type SimulateArgs = {
  command: 'simulate';
  files: string[];
  /** Plan files compared, in the order given. */
  plans: string[];
  /** Usage multiplier (a decimal string; "1" = as measured). */
  scale: string;
  preset: PresetArg;
  timeZone: string;
  format: OutputFormat;
  pseudonymise: boolean;
};

export type ParsedArgs =
  | { ok: true; args: BillArgs | InspectArgs | SplitArgs | SimulateArgs }
  | { ok: true; help: true }
  | { ok: false; notImplemented?: string; message: string };

const COMMANDS = ['bill', 'inspect', 'split', 'simulate'];
const FORMATS: readonly string[] = ['json', 'csv', 'table'];

export const parseCliArgs = (argv: readonly string[]): ParsedArgs => {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        plan: { type: 'string', multiple: true },
        rules: { type: 'string' },
        preset: { type: 'string' },
        tz: { type: 'string' },
        format: { type: 'string' },
        scale: { type: 'string' },
        'invoice-total': { type: 'string' },
        pseudonymise: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return { ok: false, message: (e as Error).message.replace(/\. To specify a positional argument.*$/s, '') };
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (values.help || command === 'help') return { ok: true, help: true };
  if (command === undefined) return { ok: false, message: 'missing command' };
  if (!COMMANDS.includes(command)) return { ok: false, message: `unknown command '${command}'` };
  if (command !== 'bill' && command !== 'inspect' && command !== 'split' && command !== 'simulate') return { ok: false, notImplemented: command, message: `'${command}' is not implemented yet` };
  const preset = values.preset ?? 'auto';
  if (!isPresetChoice(preset) && !isPresetFile(preset)) {
    return { ok: false, message: `unknown preset '${preset}' (available: auto, ${PRESET_NAMES.join(', ')}, or a saved preset file such as ./my.preset.json)` };
  }
  const timeZone = values.tz ?? 'UTC';
  if (!isTimeZone(timeZone)) return { ok: false, message: `unknown time zone '${timeZone}' for --tz` };
  const format = values.format ?? 'table';
  const pseudonymise = values.pseudonymise === true;
  if (command === 'inspect') {
    if (values.plan !== undefined || values.rules !== undefined || values.scale !== undefined || values['invoice-total'] !== undefined) {
      return { ok: false, message: "'inspect' takes only <usage-file>, --preset, --tz, --format and --pseudonymise" };
    }
    if (files.length !== 1) return { ok: false, message: files.length === 0 ? 'inspect: missing <usage-file>' : 'inspect: give one <usage-file>' };
    if (format !== 'json' && format !== 'table') return { ok: false, message: `unknown format '${format}' (json or table)` };
    return { ok: true, args: { command: 'inspect', file: files[0], preset, timeZone, format, pseudonymise } };
  }
  if (command === 'split') return splitArgs(files, values, { preset, timeZone, format, pseudonymise });
  if (command === 'simulate') return simulateArgs(files, values, { preset, timeZone, format, pseudonymise });
  if (values.rules !== undefined || values.scale !== undefined || values['invoice-total'] !== undefined) {
    const flag = values.rules !== undefined ? '--rules' : values.scale !== undefined ? '--scale' : '--invoice-total';
    return { ok: false, message: `'bill' does not take ${flag}` };
  }
  if (files.length === 0) return { ok: false, message: 'bill: missing <usage-file>' };
  const plans = values.plan ?? [];
  if (plans.length === 0) return { ok: false, message: 'bill: missing --plan PLAN.json' };
  if (plans.length > 1) return { ok: false, message: 'bill: give one --plan (use simulate to compare plans)' };
  if (!FORMATS.includes(format)) return { ok: false, message: `unknown format '${format}' (json, csv or table)` };
  return { ok: true, args: { command: 'bill', files, plan: plans[0], preset, timeZone, format: format as OutputFormat, pseudonymise } };
};

const splitArgs = (
  files: string[],
  values: { plan?: string[]; rules?: string; scale?: string; 'invoice-total'?: string },
  common: { preset: PresetArg; timeZone: string; format: string; pseudonymise: boolean },
): ParsedArgs => {
  if (values.scale !== undefined) return { ok: false, message: "'split' does not take --scale" };
  if (files.length === 0) return { ok: false, message: 'split: missing <usage-file>' };
  const plans = values.plan ?? [];
  if (plans.length === 0) return { ok: false, message: 'split: missing --plan PLAN.json' };
  if (plans.length > 1) return { ok: false, message: 'split: give one --plan' };
  if (values.rules === undefined) return { ok: false, message: 'split: missing --rules RULES.json' };
  const total = values['invoice-total'];
  if (total !== undefined && !/^\d+(\.\d+)?$/.test(total.trim())) {
    return { ok: false, message: `split: --invoice-total '${total}' is not an amount (digits with an optional decimal point, e.g. 1200.00)` };
  }
  if (!FORMATS.includes(common.format)) return { ok: false, message: `unknown format '${common.format}' (json, csv or table)` };
  return {
    ok: true,
    args: {
      command: 'split', files, plan: plans[0], rules: values.rules, ...(total !== undefined ? { invoiceTotal: total.trim() } : {}),
      preset: common.preset, timeZone: common.timeZone, format: common.format as OutputFormat, pseudonymise: common.pseudonymise,
    },
  };
};

const simulateArgs = (
  files: string[],
  values: { plan?: string[]; rules?: string; scale?: string; 'invoice-total'?: string },
  common: { preset: PresetArg; timeZone: string; format: string; pseudonymise: boolean },
): ParsedArgs => {
  if (values.rules !== undefined) return { ok: false, message: "'simulate' does not take --rules" };
  if (values['invoice-total'] !== undefined) return { ok: false, message: "'simulate' does not take --invoice-total" };
  if (files.length === 0) return { ok: false, message: 'simulate: missing <usage-file>' };
  const plans = values.plan ?? [];
  if (plans.length === 0) return { ok: false, message: 'simulate: missing --plan A.json (give one --plan per plan to compare)' };
  const scale = (values.scale ?? '1').trim();
  if (!/^\d+(\.\d+)?$/.test(scale) || Number(scale) <= 0) {
    return { ok: false, message: `simulate: --scale '${values.scale}' is not a factor above 0 (e.g. 1.5)` };
  }
  if (!FORMATS.includes(common.format)) return { ok: false, message: `unknown format '${common.format}' (json, csv or table)` };
  return {
    ok: true,
    args: { command: 'simulate', files, plans, scale, preset: common.preset, timeZone: common.timeZone, format: common.format as OutputFormat, pseudonymise: common.pseudonymise },
  };
};
