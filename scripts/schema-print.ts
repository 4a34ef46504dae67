/**
 * `npm run schema:print` writes schema.graphql from the code; `npm run schema:check` (--check)
 * exits 1 when the committed file differs, so a stale schema never lands.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { fromPackageRoot } from '../src/paths.js';
import { schema } from '../src/schema/index.js';

export const schemaPath = fromPackageRoot('schema.graphql');

export function printedSchema(): string {
  return `${printSchema(schema).trim()}\n`;
}

function main() {
  const printed = printedSchema();
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(schemaPath, 'utf8');
    } catch {
      // a missing file is stale too
    }
    if (current !== printed) {
      console.error('schema.graphql is stale: run `npm run schema:print` and commit the result.');
      process.exit(1);
    }
    console.log('schema.graphql is up to date.');
    return;
  }
  writeFileSync(schemaPath, printed);
  console.log(`wrote ${schemaPath}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
