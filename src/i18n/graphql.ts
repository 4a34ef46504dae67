import { GraphQLError, GraphQLScalarType, Kind, print, type ValueNode } from 'graphql';
import { normalizeLocaleTag } from './locale.js';

/** A client error with the code clients branch on; never an HTTP 500. */
export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions } });
}

function parseLocale(value: unknown, node?: ValueNode): string {
  const tag = typeof value === 'string' ? normalizeLocaleTag(value) : null;
  if (tag) return tag;
  // graphql-js reports a GraphQLError thrown here as is, so the code survives validation and variable coercion.
  throw new GraphQLError(`Malformed locale ${JSON.stringify(value)}: expected a tag like "en", "hu" or "pt-BR".`, {
    nodes: node,
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** A locale tag (BCP 47 subset: language, script, region, variants), read in canonical case. */
export const LocaleScalar = new GraphQLScalarType<string, string>({
  name: 'Locale',
  description: 'A locale tag such as `en`, `hu` or `pt-BR` (BCP 47 language, optional script, region and variants).',
  // Stored codes are trusted: they reference platform.locales.
  serialize: (value) => String(value),
  parseValue: (value) => parseLocale(value),
  // A non-string literal (`locale: 42`) is reported as written.
  parseLiteral: (node) => parseLocale(node.kind === Kind.STRING ? node.value : print(node), node),
});
