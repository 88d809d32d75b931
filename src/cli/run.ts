/** `tarifa` as a function of its arguments: returns the exit status (0 ok, 1 bad input, 2 usage error). */
import { isPricingError } from '../engine/estimate/pricing-error';
import { parseCliArgs } from './args';
import { runBill } from './bill';
import { runInspect } from './inspect';
import { runSplit } from './split';
import { runSimulate } from './simulate';
import type { CliIo } from './bill';
import { CliInputError } from './load-usage';
import { USAGE } from './usage';

export type { CliIo };

export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    if (parsed.notImplemented) {
      io.stderr(`tarifa: ${parsed.message}\n`);
      return 2;
    }
    io.stderr(`tarifa: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  if ('help' in parsed) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    const { args } = parsed;
    return args.command === 'inspect' ? await runInspect(args, io) : args.command === 'split' ? await runSplit(args, io)
      : args.command === 'simulate' ? await runSimulate(args, io) : await runBill(args, io);
  } catch (e) {
    if (e instanceof CliInputError) {
      io.stderr(`tarifa: ${e.message}\n`);
      return 1;
    }
    // The plan is valid but cannot price this data (a rate card without a rate for a key the data has).
    if (isPricingError(e)) {
      const plan = 'plan' in parsed.args ? `${parsed.args.plan}: ` : '';
      io.stderr(`tarifa: ${plan}the plan cannot price this data:\n${e.issues.map((i) => `  ${plan}${i.path}: ${i.message}`).join('\n')}\n`);
      return 1;
    }
    throw e;
  }
};
