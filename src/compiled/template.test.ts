import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../schema/index.js';
import { compileTemplate } from './template.js';

const template = (query: string, operationName?: string) => compileTemplate(schema, parse(query), operationName);
const channelId = Buffer.from('Channel:30000000-0000-4000-8000-000000000001').toString('base64');

describe('compileTemplate', () => {
  it('compiles reads whose every field has a SQL form', () => {
    expect(template('{ channels { totalCount nodes { id name type createdAt organization { slug } } } }')).not.toBeNull();
    expect(template(`{ channel(id: "${channelId}") { messages(first: 5, order: ASC) { nodes { content author { displayName } } } } }`)).not.toBeNull();
    expect(template('{ apps { nodes { key name(locale: "hu") nameTranslations } } }')).not.toBeNull();
  });

  it('leaves mutations, subscriptions and a lone __typename to the engine', () => {
    expect(template('mutation { signOut { __typename } }')).toBeNull();
    expect(template('subscription { typingIndicators(channelId: "x") { __typename } }')).toBeNull();
    expect(template('{ __typename }')).toBeNull();
  });

  it('compiles backward pages, viewer, node, guarded fields, computed orders and merged fields', () => {
    for (const query of [
      '{ viewer { id } }',
      `{ node(id: "${channelId}") { id } }`,
      '{ channels(last: 2) { edges { node { id } } } }',
      '{ channels { pageInfo { hasNextPage } edges { node { id } cursor } totalCount } }',
      '{ channels { nodes { organization { settings } } } }',
      '{ users { nodes { email } } }',
      '{ apps(orderBy: NAME) { nodes { key } } }',
      '{ channels { nodes { ... on Node { id } } } }',
      '{ channels { nodes { id id organization { id } ... on Channel { organization { slug } } } } }',
    ]) {
      expect(template(query), query).not.toBeNull();
    }
  });

  it('leaves directives, malformed IDs and the translations resolver to the engine', () => {
    for (const query of [
      '{ channels { nodes { topic @include(if: true) } } }',
      '{ channels { nodes { topic @skip(if: false) } } }',
      '{ node(id: "x") { id } }',
      '{ translations(namespaces: ["common"]) { namespace entries } }',
    ]) {
      expect(template(query), query).toBeNull();
    }
  });

  it('leaves literal arguments the engine must report to it', () => {
    expect(template('{ user(id: "not-a-global-id") { id } }')).toBeNull();
    expect(template(`{ user(id: "${channelId}") { id } }`)).toBeNull();
    expect(template('{ channels(first: 101) { nodes { id } } }')).toBeNull();
    expect(template('{ channels(first: -1) { nodes { id } } }')).toBeNull();
  });

  it('tells parameter variables from the ones that shape the statement', () => {
    const compiled = template(
      'query Q($id: ID!, $first: Int, $type: ChannelType, $locale: Locale) { user(id: $id) { id } channels(first: $first, type: $type) { nodes { id } } apps { nodes { name(locale: $locale) } } }',
    );
    // A page size shapes the statement (its LIMIT is written into the text); an ID is a parameter.
    expect(compiled?.parameterVariables.map(({ name }) => name).sort()).toEqual(['id']);
    expect(compiled?.structuralVariables.sort()).toEqual(['first', 'locale', 'type']);
  });

  it('picks the named operation of a document with several', () => {
    const document = 'query A { channels { nodes { id } } } mutation B { signOut { __typename } }';
    expect(template(document, 'A')).not.toBeNull();
    expect(template(document, 'B')).toBeNull();
    expect(template(document)).toBeNull();
  });
});
