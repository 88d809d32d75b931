/** Entry point of the `tarifa` command (`npm run tarifa -- …`, `bin/tarifa.mjs`). */
import { runCli } from './run';

const write = (stream: NodeJS.WriteStream) => (text: string) => {
  stream.write(text);
};

process.exitCode = await runCli(process.argv.slice(2), { stdout: write(process.stdout), stderr: write(process.stderr) });
