import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { defineFilters, parseOrder, parseWhere } from './where.js';
import { FILTER_DEFINITIONS } from './where-definitions.js';

const rule = () => sql`true`;

describe('filter definitions', () => {
  it('refuse an order over a column no b-tree index holds, or a nullable one', () => {
    // users.created_at is in no index; users.last_name is nullable.
    expect(() => defineFilters({ table: 'users', typename: 'X', rule, fields: { createdAt: { kind: 'date', column: 'createdAt', order: true } }, relations: {} })).toThrow(/indexed/);
    expect(() => defineFilters({ table: 'users', typename: 'X', rule, fields: { lastName: { kind: 'text', column: 'lastName', order: true } }, relations: {} })).toThrow(/indexed/);
    expect(() => defineFilters({ table: 'users', typename: 'X', rule, fields: { nope: { kind: 'text', column: 'nope' } }, relations: {} })).toThrow(/no column/);
  });

  it('declare no guarded or secret column', () => {
    const columns = FILTER_DEFINITIONS.flatMap((definition) => Object.values(definition.fields).map((field) => `${definition.table}.${field.column}`));
    for (const hidden of ['users.email', 'users.settings', 'organizations.createdAt', 'organizations.defaultLocale', 'organizations.settings', 'files.storageKey']) expect(columns).not.toContain(hidden);
  });

  it('validate operators and orders, and count conditions across relations', () => {
    const messages = FILTER_DEFINITIONS.find((definition) => definition.table === 'messages')!;
    expect(() => parseWhere(messages, { createdAt: { contains: 'x' } })).toThrow(/does not apply/);
    expect(() => parseWhere(messages, { nope: { eq: 1 } })).toThrow(/no filter/);
    expect(() => parseWhere(messages, { and: Array.from({ length: 7 }, () => ({ author: { displayName: { eq: 'a' }, lastName: { eq: 'b' } } })) })).toThrow(/20 conditions/);
    expect(parseOrder(messages, [{ field: 'createdAt', direction: 'DESC' }])).toEqual({ createdAt: 'desc' });
    expect(() => parseOrder(messages, [{ field: 'content' }])).toThrow(/cannot be ordered/);
  });
});
