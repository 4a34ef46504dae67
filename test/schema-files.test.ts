import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedSchema, schemaPath } from '../scripts/schema-print.js';

describe('generated files are current', () => {
  it('schema.graphql is what the code prints (npm run schema:print)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(printedSchema());
  });

  it('drizzle/ migrations match the TypeScript tables', () => {
    // drizzle-kit generates against a copy of drizzle/, so a drift is reported without touching the repository.
    const directory = mkdtempSync(join(tmpdir(), 'drizzle-drift-'));
    try {
      const out = join(directory, 'drizzle');
      cpSync(resolve('drizzle'), out, { recursive: true });
      const config = join(directory, 'drizzle.config.ts');
      writeFileSync(
        config,
        `export default ${JSON.stringify({ dialect: 'postgresql', schema: resolve('src/db/schema/index.ts'), out, schemaFilter: ['auth', 'platform', 'chat'] })};\n`,
      );
      const output = execFileSync('npx', ['drizzle-kit', 'generate', '--config', config, '--name', 'drift'], { encoding: 'utf8' });
      const added = readdirSync(out).filter((name) => name.endsWith('_drift'));
      expect(added, output).toEqual([]);
      expect(output).toMatch(/No schema changes/i);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
