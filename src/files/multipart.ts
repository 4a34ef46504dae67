/**
 * A streaming reader of `multipart/form-data` bodies (RFC 7578): parts one after another, each
 * part's body handed out chunk by chunk as the request streams in, so a file is never held whole.
 * (yoga's own parser, through @whatwg-node's formData(), buffers every file in memory.)
 */

export class MultipartError extends Error {}

export interface PartHead {
  /** The form field's name (Content-Disposition `name`). */
  name: string;
  /** Set for a file part (Content-Disposition `filename`, or `filename*` per RFC 5987). */
  fileName: string | null;
  /** The part's Content-Type, lower case without parameters; text/plain when absent (RFC 7578). */
  mimeType: string;
}

/** The boundary of a `multipart/form-data` Content-Type, or null. */
export function boundaryOf(contentType: string | null): string | null {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const match = /;\s*boundary\s*=\s*(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2])! : null;
}

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');
/** A part's headers, and what may come before the first boundary. */
const MAX_HEADER_BYTES = 16 * 1024;

type State = 'start' | 'after-boundary' | 'body' | 'done';

export class MultipartReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly dashBoundary: Buffer;
  /** CRLF "--" boundary: what ends a part's body. */
  private readonly delimiter: Buffer;
  private buffer: Buffer = Buffer.alloc(0);
  private state: State = 'start';

  constructor(body: ReadableStream<Uint8Array>, boundary: string) {
    this.reader = body.getReader();
    this.dashBoundary = Buffer.from(`--${boundary}`);
    this.delimiter = Buffer.concat([CRLF, this.dashBoundary]);
  }

  /** Reads more of the body; false at its end. */
  private async fill(): Promise<boolean> {
    const { done, value } = await this.reader.read();
    if (done) return false;
    this.buffer = this.buffer.length === 0 ? Buffer.from(value) : Buffer.concat([this.buffer, value]);
    return true;
  }

  private async need(bytes: number, what: string): Promise<void> {
    while (this.buffer.length < bytes) if (!(await this.fill())) throw new MultipartError(`The multipart body ended ${what}.`);
  }

  /** The next part's head (its body is then read with `readBody`), or null after the closing boundary. Skips what is left of the current part. */
  async nextPart(): Promise<PartHead | null> {
    while (this.state === 'body') await this.readBody();
    if (this.state === 'done') return null;
    if (this.state === 'start') {
      let at: number;
      while ((at = this.buffer.indexOf(this.dashBoundary)) === -1) {
        if (this.buffer.length > MAX_HEADER_BYTES) throw new MultipartError('No multipart boundary at the start of the body.');
        if (!(await this.fill())) throw new MultipartError('The multipart body holds no boundary.');
      }
      this.buffer = this.buffer.subarray(at + this.dashBoundary.length);
      this.state = 'after-boundary';
    }
    await this.need(2, 'after a boundary');
    if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) {
      this.state = 'done';
      return null;
    }
    if (!this.buffer.subarray(0, 2).equals(CRLF)) throw new MultipartError('A multipart boundary is not followed by CRLF.');
    this.buffer = this.buffer.subarray(2);
    let end: number;
    // A part without headers starts with the blank line at once.
    while ((end = this.buffer.subarray(0, 2).equals(CRLF) ? -2 : this.buffer.indexOf(HEADERS_END)) === -1) {
      if (this.buffer.length > MAX_HEADER_BYTES) throw new MultipartError('A multipart part has too many header bytes.');
      if (!(await this.fill())) throw new MultipartError('The multipart body ended in a part header.');
    }
    const head = parseHeaders(end === -2 ? '' : this.buffer.subarray(0, end).toString('utf8'));
    this.buffer = this.buffer.subarray(end === -2 ? 2 : end + HEADERS_END.length);
    this.state = 'body';
    return head;
  }

  /** The next bytes of the current part's body; null at its end. */
  async readBody(): Promise<Uint8Array | null> {
    for (;;) {
      if (this.state !== 'body') return null;
      const at = this.buffer.indexOf(this.delimiter);
      if (at !== -1) {
        const chunk = this.buffer.subarray(0, at);
        this.buffer = this.buffer.subarray(at + this.delimiter.length);
        this.state = 'after-boundary';
        if (chunk.length > 0) return chunk;
        return null;
      }
      // Keep what could be the start of a delimiter split across chunks.
      const safe = this.buffer.length - (this.delimiter.length - 1);
      if (safe > 0) {
        const chunk = this.buffer.subarray(0, safe);
        this.buffer = this.buffer.subarray(safe);
        return chunk;
      }
      if (!(await this.fill())) throw new MultipartError('The multipart body ended inside a part.');
    }
  }

  /** The current part's body as text, refused past `maxBytes`. */
  async readText(maxBytes: number, onTooLarge: () => Error): Promise<string> {
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (let chunk = await this.readBody(); chunk !== null; chunk = await this.readBody()) {
      length += chunk.byteLength;
      if (length > maxBytes) throw onTooLarge();
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, length).toString('utf8');
  }

  /** Whether the closing boundary has been read: nothing of the form is left unread. */
  get finished(): boolean {
    return this.state === 'done' && !this.cancelled;
  }

  private cancelled = false;

  /** Stops reading the request body. */
  async cancel(reason?: unknown): Promise<void> {
    if (this.state !== 'done') this.cancelled = true;
    this.state = 'done';
    await this.reader.cancel(reason).catch(() => undefined);
  }
}

/** Content-Disposition parameters: `name="x"`, `filename="a.txt"`, `filename*=UTF-8''a%20b.txt`. */
function dispositionParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    const quoted = match[2]?.replace(/\\(.)/g, '$1');
    params.set(match[1]!.toLowerCase(), quoted ?? match[3]!.trim());
  }
  return params;
}

/** RFC 5987 `UTF-8''percent-encoded`; null when malformed. */
function extendedValue(value: string): string | null {
  const match = /^utf-8'[^']*'(.*)$/i.exec(value);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

function parseHeaders(text: string): PartHead {
  const headers = new Map<string, string>();
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get('content-disposition');
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) throw new MultipartError('A multipart part has no Content-Disposition: form-data.');
  const params = dispositionParams(disposition);
  const name = params.get('name');
  if (name === undefined) throw new MultipartError('A multipart part has no name.');
  const extended = params.has('filename*') ? extendedValue(params.get('filename*')!) : null;
  const fileName = extended ?? params.get('filename') ?? null;
  const mimeType = (headers.get('content-type') ?? 'text/plain').split(';')[0]!.trim().toLowerCase();
  return { name, fileName, mimeType };
}
