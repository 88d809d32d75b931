/**
 * CPU profile of importCsv in Node (the same import code the worker runs, same V8 family), to see where the
 * normalise time goes.
 *
 *   npx tsx test/bench/profile.ts [--events N] [--top 30]
 *
 * Bundles profile-child.ts with Vite (SSR build, not minified, so profile lines point at readable code), runs it
 * under `node --cpu-prof` on the bench file, then prints self time per function with its source line, and per source
 * module. Profiles land in test/bench/.data/prof/ (open the .cpuprofile in Chrome DevTools for the call tree).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { DATA_DIR, ensureData } from './data';

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

/** Source module of each bundle line, from the `//#region src/...` markers the bundler writes. */
const modulesByLine = (bundle: string[]): string[] => {
  let current = '(bundle)';
  return bundle.map((line) => {
    const m = /^\/\/(?:#region| ) ?((?:src|node_modules|test)\/\S+)/.exec(line);
    if (m) current = m[1];
    // A CommonJS dependency is inlined (wrapped) under the marker of the first module that imports it.
    const cjs = /^var import_(\w+) = .*__commonJS/.exec(line);
    if (cjs) current = `node_modules/${cjs[1]}`;
    return current;
  });
};

const report = (profile: Profile, bundlePath: string, top: number): void => {
  const bundle = readFileSync(bundlePath, 'utf8').split('\n');
  const modules = modulesByLine(bundle);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map<string, number>();
  const mod = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const inBundle = f.url.endsWith('child.mjs');
    const where = inBundle ? modules[f.lineNumber] : f.url ? f.url.replace(/^node:/, 'node:') : '(native/VM)';
    const snippet = inBundle ? bundle[f.lineNumber].trim().slice(0, 70) : '';
    const key = `${(f.functionName || '(anonymous)').padEnd(22)} ${where}${snippet ? `  | ${snippet}` : ''}`;
    fn.set(key, (fn.get(key) ?? 0) + us);
    mod.set(where, (mod.get(where) ?? 0) + us);
  }
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n${title} (self time; total ${(total / 1000).toFixed(0)} ms of samples)`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`);
    }
  };
  print('by function', fn);
  print('by module', mod);
};

const main = async (): Promise<void> => {
  const data = await ensureData(arg('--events', 1_000_000));
  const work = mkdtempSync(join(tmpdir(), 'tarifa-prof-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      ssr: { noExternal: true },
      build: {
        ssr: fileURLToPath(new URL('./profile-child.ts', import.meta.url)),
        outDir: work,
        minify: false,
        emptyOutDir: true,
        target: 'node20',
        rollupOptions: { output: { format: 'esm', entryFileNames: 'child.mjs' } },
      },
    });
    const dir = join(DATA_DIR, 'prof');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const bundle = join(work, 'child.mjs');
    const run = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '250', bundle, data.path], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`profiled run failed (${run.status})`);
    const name = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!name) throw new Error('no profile written');
    report(JSON.parse(readFileSync(join(dir, name), 'utf8')) as Profile, bundle, arg('--top', 30));
    console.log(`\nprofile: ${join(dir, name)}`);
  } finally {
    if (process.env.KEEP_BUNDLE) console.log(`bundle kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
