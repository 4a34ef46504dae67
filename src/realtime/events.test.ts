import { describe, expect, it } from 'vitest';
import { isLocalesChanged, isWakeUp, parseEvent } from './events.js';

// The payload the locales trigger sends (drizzle/*_default_locale_from_table), as PostgreSQL delivers it.
const LOCALES = '{"topic": "locales", "kind": "LOCALES_CHANGED"}';

describe('isLocalesChanged', () => {
  it('recognizes the locales notification, and nothing else', () => {
    expect(isLocalesChanged(LOCALES)).toBe(true);
    expect(isLocalesChanged('{"topic":"locales","kind":"LOCALES_CHANGED"}')).toBe(true);
    expect(isLocalesChanged(undefined)).toBe(false);
    expect(isLocalesChanged('')).toBe(false);
    expect(isLocalesChanged('LOCALES_CHANGED')).toBe(false);
    expect(isLocalesChanged('{"topic": "user:x", "kind": "LOCALES_CHANGED"}')).toBe(false);
    expect(isLocalesChanged('{"topic": "locales", "kind": "LOCALES_CHANGED"')).toBe(false); // malformed JSON
  });

  it('is neither a wake-up of the event log nor an event to publish', () => {
    expect(isWakeUp(LOCALES)).toBe(false);
    expect(parseEvent(LOCALES)).toBeNull();
  });
});
