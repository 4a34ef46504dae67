import { sql, type SQL } from 'drizzle-orm';
import { denied } from '../auth/guards.js';
import type { Viewer } from '../context.js';

/**
 * Guarded fields in a compiled read: where the field's rule refuses the viewer, PostgreSQL writes a
 * marker instead of the value, and the response gets null there plus the error the engine reports
 * (FORBIDDEN, or UNAUTHENTICATED for an anonymous viewer) at that path. The marker is a JSON string
 * starting with U+0000, which no stored text can hold (PostgreSQL text and jsonb refuse NUL), so
 * data can never forge one.
 */

const MARK = '\u0000G';

/** The field's value where `allowed` holds, else the marker of guard number N (its location in the document). */
export function guardedValue(guards: { line: number; column: number }[], location: { line: number; column: number }, allowed: SQL, value: SQL): SQL {
  guards.push(location);
  return sql`(case when ${allowed} then to_json(${value}) else ${sql.raw(`'"\\u0000G${guards.length - 1}"'`)}::json end)`;
}

// The engine's refusals (src/auth/guards.ts denied), made once: only their message and extensions are written.
const FORBIDDEN = denied({ viewer: {} as Viewer, credentialsError: null });
const UNAUTHENTICATED = denied({ viewer: null, credentialsError: null });

/** Whether a statement's JSON text holds a refusal marker (`\u0000` appears nowhere else). */
export const hasRefusals = (text: string) => text.includes('\\u0000');

/** The response body for `data` with markers: each replaced by null, and its error listed in document order. */
export function responseWithRefusals(text: string, guards: readonly { line: number; column: number }[], viewer: Viewer | null): string {
  const data = JSON.parse(text) as unknown;
  const errors: object[] = [];
  const refusal = viewer ? FORBIDDEN : UNAUTHENTICATED;
  const visit = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === 'string' && value.startsWith(MARK)) {
      const location = guards[Number(value.slice(MARK.length))]!;
      errors.push({ message: refusal.message, locations: [location], path, extensions: refusal.extensions });
      return null;
    }
    if (Array.isArray(value)) return value.map((item, index) => visit(item, [...path, index]));
    if (value && typeof value === 'object') {
      const object: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) object[key] = visit(item, [...path, key]);
      return object;
    }
    return value;
  };
  const cleaned = visit(data, []);
  return JSON.stringify({ errors, data: cleaned });
}
