import { describe, expect, it } from 'vitest';
import { contentDisposition, fileIdOf, parseRange } from './download.js';

describe('download headers', () => {
  it('reads one byte range, or says it cannot be met, or serves the whole body', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=990-2000', 1000)).toEqual({ start: 990, end: 999 });
    expect(parseRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=0-0', 0)).toBe('unsatisfiable');
    for (const ignored of [null, 'bytes=5-1', 'bytes=0-1,5-9', 'items=0-1', 'bytes=-', 'bytes=x-1']) expect(parseRange(ignored, 1000)).toBeNull();
  });

  it('names the file in Content-Disposition without letting it break the header', () => {
    expect(contentDisposition('report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition('a"b\\c\r\nSet-Cookie: x.txt')).toBe(`attachment; filename="a_b_c__Set-Cookie: x.txt"; filename*=UTF-8''a%22b%5Cc%0D%0ASet-Cookie%3A%20x.txt`);
    expect(contentDisposition("it's (1)*.txt")).toBe(`attachment; filename="it's (1)*.txt"; filename*=UTF-8''it%27s%20%281%29%2A.txt`);
  });

  it('takes a UUID or a File global ID, nothing else', () => {
    const id = '70000000-0000-4000-8000-000000000001';
    expect(fileIdOf(id)).toBe(id);
    expect(fileIdOf(encodeURIComponent(Buffer.from(`File:${id}`).toString('base64')))).toBe(id);
    expect(fileIdOf(Buffer.from(`Message:${id}`).toString('base64'))).toBeNull();
    expect(fileIdOf('%E0%A4%A')).toBeNull();
    expect(fileIdOf('../etc')).toBeNull();
  });
});
