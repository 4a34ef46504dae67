import type { Actor } from './fixtures.js';

/** The rows the shapes ask for, looked up once by their stable keys (shapes.ts loadShapeParams). */
export interface ShapeParams {
  userId: string;
  organizationSlug: string;
  sandboxChannelId: string;
  /** g: a message the member may read, written by another user (whose email the member may not read). */
  memberMessageId: string;
  /** h: the public channel with the most messages. */
  busiestChannelId: string;
  /** i: the member's busiest channel, its most frequent author there, and a time window of that author's messages. */
  memberChannelId: string;
  frequentAuthorId: string;
  windowStart: string;
  windowEnd: string;
}

/** How a request reaches the gateway: a JSON POST, a GET query string (urql), a POST with `extensions` (Apollo Client 4). */
export type Transport = 'post' | 'get' | 'post-extensions';

export interface Shape {
  key: string;
  title: string;
  /** The GraphQL operation the gateway answers. */
  query: string;
  variables(params: ShapeParams): Record<string, unknown>;
  /** The raw server's endpoint for the same data (path with query string); absent: gateway only. */
  rawPath?(params: ShapeParams): string;
  /** A write: its responses differ per request, so they are not compared. */
  mutates?: boolean;
  /** Who sends it; the benchmark viewer by default. */
  actor?: Actor;
  /** `post` by default. */
  transport?: Transport;
  /** Documents sent in rotation instead of `query`, each answering the same JSON. */
  documents?: string[];
  /** Its answer carries errors by design (a guarded field): they are compared like the data. */
  expectsErrors?: boolean;
}

/** Global IDs as the gateway encodes them (Pothos relay): base64 of `Type:uuid`. */
export const globalId = (typename: string, id: string) => Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
