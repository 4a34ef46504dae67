import { decodeBase64, decodeCursorChunk } from '@pothos/core';
import { MAX_PAGE_SIZE } from '../builder.js';
import { decodeGlobalID } from '../errors.js';
import { NOT_COMPILED, type ArgUse } from './spec.js';

/**
 * How arguments become statement parameters. Anything the engine would refuse (a malformed ID or
 * cursor, a page out of range) is NOT_COMPILED: the normal engine answers it with its own error.
 */

/**
 * `first` / `last`: null stays null (the default page applies); out of range goes to the engine.
 * Written into the statement as a number: a prepared statement's generic plan must see its LIMIT,
 * or it plans for all the rows (bench shape f: 773 ms instead of 11).
 */
export const pageSize: ArgUse = {
  use: 'structural',
  decode: (value) => {
    if (value === null || value === undefined) return null;
    return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_PAGE_SIZE ? value : NOT_COMPILED;
  },
};

/** `after` / `before`: the cursor's values as a JSON array (the keyset filter casts each to its column's type). */
export const cursorArg: ArgUse = {
  use: 'param',
  decode: (value) => {
    if (value === null || value === undefined) return null;
    try {
      const decoded = decodeBase64(String(value));
      if (!decoded.startsWith('DC:')) return NOT_COMPILED;
      const chunk = decodeCursorChunk(decoded.slice(3));
      const values = Array.isArray(chunk) ? chunk : [chunk];
      // Dates come back as Date objects: the keyset filter casts their ISO text to the column's type.
      const plain = values.map((item) => (item instanceof Date ? item.toISOString() : item));
      return plain.every((item) => item === null || typeof item === 'string' || typeof item === 'number') ? JSON.stringify(plain) : NOT_COMPILED;
    } catch {
      return NOT_COMPILED;
    }
  },
};

/**
 * A relay global ID: the row's uuid is the parameter; resolvers receive `{ typename, id }` as
 * Pothos decodes it. An ID of a type the argument does not take goes to the engine, which reports
 * it. For `node` (any type) the type shapes the statement (`keyOf`).
 */
export function globalIdArg(types: readonly string[] | null): ArgUse {
  // `node` / `nodes`: the statement is built for the ID's type; the ID is decoded there.
  if (!types) return { use: 'param', decode: (value) => (value == null || nodeTypeOf(value) ? value : NOT_COMPILED), keyOf: (value) => nodeTypeOf(value) ?? '' };
  return {
    use: 'param',
    decode: (value) => {
      if (value === null || value === undefined) return null;
      try {
        const decoded = decodeGlobalID(String(value));
        return types.includes(decoded.typename) ? decoded.id : NOT_COMPILED;
      } catch {
        return NOT_COMPILED;
      }
    },
    shape: (id) => ({ typename: types[0], id }),
  };
}

/** The uuid of a `node` ID. */
export const nodeIdOf = (value: unknown): unknown => (typeof value === 'string' ? decodeGlobalID(value).id : value);

/** The type named by a `node` ID (its statement's shape), or null when the engine must answer. */
export function nodeTypeOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    return decodeGlobalID(value).typename;
  } catch {
    return null;
  }
}
