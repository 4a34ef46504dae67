import { createHash } from 'node:crypto';

/**
 * Where file bodies live (src/files/local-storage.ts, src/files/s3-storage.ts). A `put` is whole or
 * nothing: the body goes to a temporary name (a multipart upload on S3) and only a body read to its
 * end becomes `key`; a failed or refused one leaves no object behind.
 */
export interface FileStorage {
  /** Stores the stream under `key`, refusing it (UploadTooLargeError) once it passes `maxBytes`. */
  put(key: string, body: ReadableStream<Uint8Array>, options: { maxBytes: number; contentType?: string }): Promise<StoredObject>;
  /** The object's bytes, or those of an inclusive range; null when there is no such object. */
  get(key: string, range?: ByteRange): Promise<ReadableStream<Uint8Array> | null>;
  /** Removes the object; removing one that is not there is no error. */
  delete(key: string): Promise<void>;
}

export interface StoredObject {
  size: number;
  /** Lower-case hex SHA-256 of the bytes stored. */
  sha256: string;
}

/** Inclusive byte offsets, as in `Range: bytes=start-end`. */
export interface ByteRange {
  start: number;
  end: number;
}

/** The body passed the size limit while it streamed; nothing was stored. */
export class UploadTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file exceeds the limit of ${maxBytes} bytes.`);
  }
}

/**
 * The body as it streams: counted (refused past `maxBytes`, before the chunk goes on) and hashed,
 * so no storage needs to hold it whole. `result()` is complete once the stream has ended.
 */
export function meter(body: ReadableStream<Uint8Array>, maxBytes: number): { stream: ReadableStream<Uint8Array>; result(): StoredObject } {
  const hash = createHash('sha256');
  let size = 0;
  let digest: string | null = null;
  const stream = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > maxBytes) return controller.error(new UploadTooLargeError(maxBytes));
        hash.update(chunk);
        controller.enqueue(chunk);
      },
      flush() {
        digest = hash.digest('hex');
      },
    }),
  );
  return {
    stream,
    result: () => {
      if (digest === null) throw new Error('the body has not been read to its end');
      return { size, sha256: digest };
    },
  };
}

/** Storage keys are made by the server (`uploads/<user>/<uuid>`); anything else is refused, so no key climbs out of its root. */
export function checkKey(key: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`invalid storage key ${JSON.stringify(key)}`);
  }
  return key;
}
