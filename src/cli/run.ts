/** `tarifa` as a function of its arguments: returns the exit status (0 ok, 1 bad input, 2 usage error). */
import { parseCliArgs } from './args';
import { runBill } from './bill';
import { runInspect } from './inspect';
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
    return parsed.args.command === 'inspect' ? await runInspect(parsed.args, io) : await runBill(parsed.args, io);
  } catch (e) {
    if (e instanceof CliInputError) {
      io.stderr(`tarifa: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
};
