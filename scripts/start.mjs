// `npm start` in a checkout: bundles src/main.ts with esbuild (about 0.1 s, npm packages left as
// imports) and runs the bundle in this process. Loading ~200 source modules through tsx's loader
// hooks took 1-2 s of every start; one bundle loads in a fraction of that (README: Start time).
// Bundled anew on every start, so it is never out of step with src/. Without esbuild: tsx, as before.
// Plain JavaScript: it runs before anything is compiled.
import { mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Beside the package's node_modules, so the bundle's imports resolve as src/'s do (and paths.ts finds package.json above it).
const outDir = join(root, 'node_modules', '.cache', 'pg-graphql-gateway', 'start');

async function bundle() {
  const esbuild = await import('esbuild').catch(() => null);
  if (!esbuild) return null;
  mkdirSync(outDir, { recursive: true });
  // Written aside and renamed, so two starts at once never run a half-written file.
  const temporary = join(outDir, `main.${process.pid}.mjs`);
  await esbuild.build({
    entryPoints: [join(root, 'src', 'main.ts')],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Stack traces of unexpected errors (logged once) name src/ files and lines.
    sourcemap: 'inline',
    sourcesContent: false,
    // No keepNames: its __name() wrapper on every function made cost ~20% more CPU per subscription delivery
    // (bench:sse); GraphQL names are explicit strings (the npm-start test compares the served schema).
    logLevel: 'error',
  });
  // esbuild's module keeps a service process from its import on; the gateway must leave none behind.
  await esbuild.stop();
  const file = join(outDir, 'main.mjs');
  renameSync(temporary, file);
  return file;
}

const file = await bundle().catch((error) => {
  console.error(`[start] bundling failed, running through tsx instead: ${error instanceof Error ? error.message : String(error)}`);
  return null;
});
if (file) {
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(file).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'main.ts')).href);
}
