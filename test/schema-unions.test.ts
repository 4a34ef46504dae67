import { readFileSync } from 'node:fs';
import { buildSchema, isObjectType, isUnionType, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaPath } from '../scripts/schema-print.js';

const schema = buildSchema(readFileSync(schemaPath, 'utf8'));

describe('result unions', () => {
  it('no two members of a union share a field name with different types (a client selects them side by side)', () => {
    const clashes: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isUnionType(type)) continue;
      const seen = new Map<string, { owner: string; type: string }>();
      for (const member of type.getTypes()) {
        for (const field of Object.values(member.getFields())) {
          const before = seen.get(field.name);
          if (before && before.type !== String(field.type)) clashes.push(`${type.name}: ${before.owner}.${field.name}: ${before.type} vs ${member.name}.${field.name}: ${field.type}`);
          if (!before) seen.set(field.name, { owner: member.name, type: String(field.type) });
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('the natural selection of a message result and its errors validates', () => {
    const document = parse(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) {
      __typename ... on MessagePayload { chatMessage { id content } } ... on Error { message } } }`);
    expect(validate(schema, document)).toEqual([]);
    expect(isObjectType(schema.getType('MessagePayload'))).toBe(true);
  });
});
