import { AwsClient } from 'aws4fetch';
import { checkKey, meter, type ByteRange, type FileStorage, type StoredObject } from './storage.js';

export interface S3Options {
  /** e.g. https://s3.eu-central-1.amazonaws.com, http://127.0.0.1:9000 (MinIO); objects are addressed path-style: <endpoint>/<bucket>/<key>. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Bytes held in memory per upload before they go out as one part of a multipart upload (S3's minimum is 5 MiB). */
  partBytes?: number;
}

const MIB = 1024 * 1024;
const DEFAULT_PART_BYTES = 8 * MIB;

/**
 * An S3-compatible bucket (AWS S3, MinIO, R2, ...), each request signed with SigV4 by aws4fetch.
 * A body that fits one part is one PUT, which S3 stores whole or not at all; a larger one is a
 * multipart upload, invisible until completed and aborted on any failure, so a cut or refused
 * upload leaves no object. At most one part is held in memory.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: AwsClient;
  private readonly base: string;
  private readonly partBytes: number;

  constructor(options: S3Options) {
    this.client = new AwsClient({ accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, region: options.region, service: 's3', retries: 2 });
    this.base = `${options.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(options.bucket)}`;
    this.partBytes = Math.max(5 * MIB, options.partBytes ?? DEFAULT_PART_BYTES);
  }

  private url(key: string, query = ''): string {
    return `${this.base}/${checkKey(key)}${query}`;
  }

  private async send(url: string, init: RequestInit, what: string, ok: (status: number) => boolean = (status) => status >= 200 && status < 300): Promise<Response> {
    const response = await this.client.fetch(url, init);
    if (!ok(response.status)) {
      const detail = (await response.text().catch(() => '')).slice(0, 300);
      throw new Error(`S3 ${what} answered ${response.status}: ${detail}`);
    }
    return response;
  }

  async put(key: string, body: ReadableStream<Uint8Array>, options: { maxBytes: number; contentType?: string }): Promise<StoredObject> {
    const metered = meter(body, options.maxBytes);
    const reader = metered.stream.getReader();
    const headers = { 'content-type': options.contentType ?? 'application/octet-stream' };
    let uploadId: string | null = null;
    const etags: string[] = [];
    try {
      for (;;) {
        const { part, done } = await readPart(reader, this.partBytes);
        if (uploadId === null && done) {
          // The whole body in one part: one PUT.
          await this.send(this.url(key), { method: 'PUT', headers, body: part }, 'PUT');
          return metered.result();
        }
        if (uploadId === null) uploadId = await this.startMultipart(key, headers);
        if (part.byteLength > 0 || etags.length === 0) {
          const query = `?partNumber=${etags.length + 1}&uploadId=${encodeURIComponent(uploadId)}`;
          const response = await this.send(this.url(key, query), { method: 'PUT', body: part }, 'UploadPart');
          etags.push(response.headers.get('etag') ?? '');
        }
        if (done) break;
      }
      const parts = etags.map((etag, index) => `<Part><PartNumber>${index + 1}</PartNumber><ETag>${escapeXml(etag)}</ETag></Part>`).join('');
      const response = await this.send(this.url(key, `?uploadId=${encodeURIComponent(uploadId!)}`), { method: 'POST', body: `<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>` }, 'CompleteMultipartUpload');
      // S3 may answer 200 with an error in the body.
      const text = await response.text();
      if (/<Error>/.test(text)) throw new Error(`S3 CompleteMultipartUpload failed: ${text.slice(0, 300)}`);
      return metered.result();
    } catch (error) {
      await reader.cancel(error).catch(() => undefined);
      if (uploadId !== null) await this.send(this.url(key, `?uploadId=${encodeURIComponent(uploadId)}`), { method: 'DELETE' }, 'AbortMultipartUpload').catch(() => undefined);
      throw error;
    }
  }

  private async startMultipart(key: string, headers: Record<string, string>): Promise<string> {
    const response = await this.send(this.url(key, '?uploads'), { method: 'POST', headers }, 'CreateMultipartUpload');
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(await response.text())?.[1];
    if (!uploadId) throw new Error('S3 CreateMultipartUpload answered without an UploadId');
    return uploadId;
  }

  async get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null> {
    const headers: Record<string, string> = range ? { range: `bytes=${range.start}-${range.end}` } : {};
    const response = await this.send(this.url(key), { method: 'GET', headers }, 'GET', (status) => status === 200 || status === 206 || status === 404);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    return response.body as ReadableStream<Uint8Array>;
  }

  async delete(key: string): Promise<void> {
    const response = await this.send(this.url(key), { method: 'DELETE' }, 'DELETE', (status) => (status >= 200 && status < 300) || status === 404);
    await response.body?.cancel();
  }
}

/** Reads up to `size` bytes (fewer at the end) into one buffer. */
async function readPart(reader: ReadableStreamDefaultReader<Uint8Array>, size: number): Promise<{ part: Buffer<ArrayBuffer>; done: boolean }> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < size) {
    const { done, value } = await reader.read();
    if (done) return { part: Buffer.concat(chunks, length), done: true };
    chunks.push(value);
    length += value.byteLength;
  }
  return { part: Buffer.concat(chunks, length), done: false };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
