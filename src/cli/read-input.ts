/** Reading the CLI's JSON inputs (plans, rules): a file that cannot be read, is no JSON or is invalid names the file and each issue's path. */
import { readFile } from 'node:fs/promises';
import { parsePlan } from '../engine/plan/validate';
import type { Plan } from '../engine/plan/types';
import { CliInputError } from './load-usage';

export const readJson = async (path: string, what: string): Promise<unknown> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliInputError(`${path}: cannot read the ${what} (${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliInputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
};

export const issuesError = (path: string, what: string, issues: readonly { path: string; message: string }[]): CliInputError => {
  const lines = issues.map((i) => `  ${path}: ${i.path || `(${what})`}: ${i.message}`);
  return new CliInputError(`${path}: invalid ${what} (${issues.length} issue${issues.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
};

/** A plan file, read and validated. */
export const readPlanFile = async (path: string): Promise<Plan> => {
  const parsed = parsePlan(await readJson(path, 'plan'));
  if (!parsed.ok) throw issuesError(path, 'plan', parsed.issues);
  return parsed.plan;
};
