import type { FileStorage } from './storage.js';

/** What the gateway does with file bodies: where they go and what it takes (src/config.ts `files`). */
export interface FilesOptions {
  storage: FileStorage;
  /** The largest file accepted (FILES_MAX_BYTES); a longer body is refused while it streams. */
  maxBytes: number;
  /** Media types accepted (FILES_ALLOWED_TYPES): exact (`image/png`) or a whole type (`image/*`); empty: any. */
  allowedTypes: readonly string[];
}

/** Whether `mimeType` is one of `allowed` (an empty list allows any). */
export function typeAllowed(mimeType: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const type = mimeType.toLowerCase();
  return allowed.some((pattern) => pattern === '*/*' || pattern === type || (pattern.endsWith('/*') && type.startsWith(pattern.slice(0, -1))));
}
