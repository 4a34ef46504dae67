import { describe, expect, it } from 'vitest';
import { MemoryLru } from './lru.js';

describe('MemoryLru', () => {
  const sized = (maxBytes: number) => new MemoryLru<string, string>(maxBytes, (_key, value) => value.length);

  it('drops the least recently used entries once the bytes exceed the budget', () => {
    const cache = sized(10);
    cache.set('a', 'xxxx').set('b', 'xxxx');
    expect(cache.get('a')).toBe('xxxx'); // a is now more recent than b
    cache.set('c', 'xxxx');
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect(cache.bytes).toBe(8);
  });

  it('accounts a replaced entry at its new size, and keeps nothing larger than the budget', () => {
    const cache = sized(10);
    cache.set('a', 'xx').set('a', 'xxxxxx');
    expect(cache.bytes).toBe(6);
    cache.set('huge', 'x'.repeat(11));
    expect(cache.has('huge')).toBe(false);
    expect(cache.has('a')).toBe(true);
    cache.delete('a');
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });
});
