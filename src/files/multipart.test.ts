import { describe, expect, it } from 'vitest';
import { boundaryOf, MultipartError, MultipartReader } from './multipart.js';

const streamOf = (body: string | Buffer, size: number) => {
  const bytes = Buffer.from(body);
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + size));
      at += size;
    },
  });
};

/** Every part as [head, body text], reading each body chunk by chunk. */
async function partsOf(body: string | Buffer, chunkSize: number, boundary = 'b0undary') {
  const reader = new MultipartReader(streamOf(body, chunkSize), boundary);
  const parts: [unknown, string][] = [];
  for (let head = await reader.nextPart(); head; head = await reader.nextPart()) parts.push([head, await reader.readText(1_000_000, () => new Error('too large'))]);
  return parts;
}

const BODY =
  'preamble\r\n--b0undary\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ a }"}\r\n' +
  '--b0undary\r\ncontent-disposition: form-data; name="0"; filename="a \\"b\\".txt"; filename*=UTF-8\'\'K%C3%B6r.txt\r\nContent-Type: Text/Plain; charset=utf-8\r\n\r\nline 1\r\n--b0undar not yet\r\n\r\n' +
  '--b0undary\r\nContent-Disposition: form-data; name="empty"\r\n\r\n\r\n--b0undary--\r\nepilogue';

describe('MultipartReader', () => {
  it('reads the same parts whatever the chunk size (boundaries split across chunks)', async () => {
    const expected = [
      [{ name: 'operations', fileName: null, mimeType: 'text/plain' }, '{"query":"{ a }"}'],
      [{ name: '0', fileName: 'Kör.txt', mimeType: 'text/plain' }, 'line 1\r\n--b0undar not yet\r\n'],
      [{ name: 'empty', fileName: null, mimeType: 'text/plain' }, ''],
    ];
    for (const size of [1, 2, 3, 7, 13, 64, 10_000]) expect(await partsOf(BODY, size)).toEqual(expected);
  });

  it('refuses a body that ends inside a part, a part without a name, or no boundary', async () => {
    await expect(partsOf(BODY.slice(0, 150), 10)).rejects.toBeInstanceOf(MultipartError);
    await expect(partsOf('--b0undary\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b0undary--', 5)).rejects.toThrow('no name');
    await expect(partsOf('x'.repeat(100), 5)).rejects.toThrow('no boundary');
    await expect(partsOf('--b0undary!!', 5)).rejects.toThrow('CRLF');
  });

  it('skips the rest of a part nobody reads', async () => {
    const reader = new MultipartReader(streamOf(BODY, 5), 'b0undary');
    expect((await reader.nextPart())?.name).toBe('operations');
    expect((await reader.nextPart())?.name).toBe('0');
    expect((await reader.nextPart())?.name).toBe('empty');
    expect(await reader.nextPart()).toBeNull();
  });

  it('finds the boundary of a Content-Type', () => {
    expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
    expect(boundaryOf('Multipart/Form-Data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(boundaryOf('multipart/form-data')).toBeNull();
    expect(boundaryOf('multipart/mixed; boundary=abc')).toBeNull();
  });
});
