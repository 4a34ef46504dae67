import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under these folders, tests excepted: where the gateway reads its environment. */
function sources(...roots: string[]): string[] {
  return roots.flatMap((root) =>
    readdirSync(root).flatMap((name) => {
      const path = join(root, name);
      if (statSync(path).isDirectory()) return sources(path);
      return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
    }),
  );
}

/** The variable names the code reads: `env.X`, `env['X']`, and config.ts's integer/flag/bucket helpers. */
function variablesRead(): Set<string> {
  const names = new Set<string>();
  for (const file of [...sources('src'), 'drizzle.config.ts']) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\benv(?:\.|\[')([A-Z][A-Z0-9_]+)/g)) names.add(match[1]!);
    for (const match of text.matchAll(/\b(?:integer|flag|text|choice|list|milliseconds)\('([A-Z][A-Z0-9_]+)'/g)) names.add(match[1]!);
    // Token buckets are read as RATE_LIMIT_<NAME>_BURST and _PER_MINUTE.
    for (const match of text.matchAll(/\bbucket\('([A-Z][A-Z0-9_]+)'/g)) names.add(`RATE_LIMIT_${match[1]}_BURST`);
  }
  return names;
}

/** The lines of README's configuration table (under a "Configuration" heading, up to the next heading). */
function configurationTable(): string {
  const lines = readFileSync('README.md', 'utf8').split('\n');
  const start = lines.findIndex((line) => /^#{2,3} Configuration\s*$/.test(line));
  expect(start, 'README has a "Configuration" heading').toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, index) => index > start && /^#{1,3} /.test(line));
  return lines.slice(start, end === -1 ? undefined : end).filter((line) => line.startsWith('|')).join('\n');
}

describe('README configuration table', () => {
  it('names every environment variable the gateway reads, with a default column', () => {
    const table = configurationTable();
    const read = [...variablesRead()];
    expect(read.length).toBeGreaterThan(30);
    // The query limits (LIMIT_BODY_BYTES ...) are one `LIMIT_*` row pointing to the Limits section.
    const missing = read.filter((name) => !table.includes(`\`${name}\``) && !(table.includes('`LIMIT_*`') && /^LIMIT_(BODY_BYTES|QUERY_LENGTH|TOKENS|DEPTH|ALIASES|DIRECTIVES|COST|PASSWORD_HASHES)$/.test(name)));
    expect(missing).toEqual([]);
    // Each row: variable | default | meaning.
    for (const row of table.split('\n').slice(2)) expect(row.split(' | ').length, row).toBeGreaterThanOrEqual(3);
  });
});
