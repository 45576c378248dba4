// The CLI's sources bundled (esbuild, the compiler tsx uses) into plain ES modules, kept while no source changed.
//
// Loading the sources through tsx costs a round trip to Node's loader-hooks thread for every module (≈ 400 of
// ours and ≈ 400 of the packages'): 2.5-4 s before any command ran. The bundle is plain JavaScript, loaded
// without hooks; the packages stay outside it (node_modules). It is rebuilt when one of its inputs changes
// size or time (≈ 1 s, once); each `import.meta.url` keeps the URL of its own source file, so files found
// beside a module (assets, off-thread tasks, which their worker loads through tsx) are found as before.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = path.join(root, 'node_modules', '.cache', 'safeadapt-cli');
const stampFile = path.join(cacheDir, 'stamp.json');
/** Besides the bundle's own inputs: what changes how they are built. */
const SETTINGS = ['bin/cli-bundle.js', 'package.json', 'tsconfig.json'];

const mark = (file) => {
  const s = fs.statSync(path.join(root, file));
  return `${s.size}:${s.mtimeMs}`;
};

/** The bundle's path if it was built from the sources as they are now, else null. */
function current() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    for (const [file, was] of Object.entries(stamp.inputs)) if (mark(file) !== was) return null;
  } catch {
    return null;
  }
  const bundle = path.join(cacheDir, stamp.bundle);
  return fs.existsSync(bundle) ? bundle : null;
}

/** Writes a file whole or not at all (CLIs started together may build at the same time). */
function writeAtomically(file, contents) {
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, contents);
  fs.renameSync(partial, file);
}

async function build() {
  const { build } = await import('esbuild');
  // Marked before reading: a source edited during the build is older than its mark, and rebuilds next time.
  const before = new Map();
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts' },
    bundle: true,
    // What the sources load with import() stays a chunk loaded when used: `serve`'s web server (fastify and
    // its plugins, ≈ 0.5 s) is not loaded by the other commands.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outdir: cacheDir,
    metafile: true,
    logLevel: 'silent',
    plugins: [
      {
        // The packages stay in node_modules, loaded from there, except kysely: ≈ 260 small modules, which
        // cost more to find and load one by one than to read in the bundle (nothing else imports it).
        name: 'packages-outside',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            /^kysely(\/|$)/.test(args.path) ? undefined : { path: args.path, external: true },
          );
        },
      },
      {
        name: 'own-import-meta-url',
        setup(b) {
          b.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
            before.set(path.relative(root, args.path), mark(path.relative(root, args.path)));
            const source = await fs.promises.readFile(args.path, 'utf8');
            const url = JSON.stringify(pathToFileURL(args.path).href);
            return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
          });
        },
      },
    ],
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), ...SETTINGS]) {
    const relative = path.relative(root, path.resolve(root, file));
    inputs[relative] = before.get(relative) ?? mark(relative);
  }
  const hash = createHash('sha256');
  for (const out of result.outputFiles) hash.update(out.path).update(out.contents);
  const name = `cli-${hash.digest('hex').slice(0, 16)}`;
  const folder = path.join(cacheDir, name);
  if (!fs.existsSync(folder)) {
    // Written whole or not at all (CLIs started together may build at the same time): a folder of its own, renamed.
    const partial = `${folder}.${process.pid}.partial`;
    for (const out of result.outputFiles) {
      const file = path.join(partial, path.relative(cacheDir, out.path));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, out.contents);
    }
    try {
      fs.renameSync(partial, folder);
    } catch (error) {
      fs.rmSync(partial, { recursive: true, force: true });
      if (!fs.existsSync(folder)) throw error;
    }
  }
  writeAtomically(stampFile, JSON.stringify({ bundle: `${name}/main.js`, inputs }));
  // Earlier bundles, once no CLI could still be starting from them.
  for (const old of fs.readdirSync(cacheDir))
    if (old.startsWith('cli-') && old !== name) {
      const file = path.join(cacheDir, old);
      if (Date.now() - fs.statSync(file).mtimeMs > 3_600_000) fs.rmSync(file, { recursive: true, force: true });
    }
  return path.join(folder, 'main.js');
}

/** The URL of the CLI's bundle (built now if missing or stale), or null if it cannot be built here. */
export async function cliBundle() {
  if (process.env.SAFEADAPT_CLI_BUNDLE === '0') return null;
  try {
    return pathToFileURL(current() ?? (await build())).href;
  } catch {
    return null;
  }
}
