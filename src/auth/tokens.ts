import { createHash, randomBytes } from 'node:crypto';

/** What a bearer token opens: a signed-in person's session, or a bot. */
export type TokenKind = 'session' | 'bot';

/** Recognizable prefixes, so a leaked token can be spotted (secret scanners) and routed without SQL. */
export const TOKEN_PREFIX: Record<TokenKind, string> = { session: 'gw_s_', bot: 'gw_b_' };

/** 32 random bytes give 43 base64url characters; longer bodies are allowed for hand-made bot tokens. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^gw_([sb])_([A-Za-z0-9_-]{32,128})$/;

/** A new random token of the given kind, e.g. `gw_s_Q2x...` (shown once, never stored). */
export function generateToken(kind: TokenKind): string {
  return TOKEN_PREFIX[kind] + randomBytes(TOKEN_BYTES).toString('base64url');
}

/** What the database stores and looks up: the SHA-256 hex of the whole token (prefix included). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token's kind when it has our shape, or null for anything else (no lookup is made for it). */
export function tokenKind(token: string): TokenKind | null {
  const match = TOKEN_SHAPE.exec(token);
  if (!match) return null;
  return match[1] === 's' ? 'session' : 'bot';
}

export type BearerHeader = { kind: 'none' } | { kind: 'malformed' } | { kind: 'token'; token: string };

/** Reads `Authorization: Bearer <token>` (the scheme is case-insensitive, RFC 7235). */
export function parseAuthorization(header: string | null): BearerHeader {
  const value = header?.trim() ?? '';
  if (value === '') return { kind: 'none' };
  const match = /^bearer\s+(\S+)$/i.exec(value);
  return match?.[1] ? { kind: 'token', token: match[1] } : { kind: 'malformed' };
}
