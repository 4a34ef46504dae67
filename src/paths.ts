import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (the folder of package.json), whether this file runs as src/paths.ts or as
 * dist/src/paths.js: files read at run time (drizzle/, seeds/, schema.graphql) resolve from here.
 */
export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let directory = start; ; directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) return directory;
    if (dirname(directory) === directory) throw new Error(`no package.json above ${start}`);
  }
}

/** A path inside the package, e.g. `fromPackageRoot('drizzle')`. */
export function fromPackageRoot(...segments: string[]): string {
  return join(packageRoot, ...segments);
}
