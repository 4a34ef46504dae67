import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { tooComplex } from '../limits/limits.js';
import { boundaryOf, MultipartError, MultipartReader } from './multipart.js';

/**
 * Uploads by the GraphQL multipart request specification
 * (https://github.com/jaydenseric/graphql-multipart-request-spec): a `multipart/form-data` POST whose
 * parts are `operations` (the request's JSON), `map` (which file goes to which variable), then the
 * files. The request is parsed as it streams: once `operations` and `map` are read, execution starts
 * with an `Upload` in each mapped variable, and a resolver reads its file straight from the request
 * body (src/files/storage.ts counts and hashes it on the way), so no file is ever held whole.
 * Apollo's multipart *subscriptions* are a JSON POST answered with multipart/mixed: not parsed here.
 */

/** Files one request may carry: uploadFile takes one, and the body limit is reckoned from it. */
export const MAX_FILES_PER_REQUEST = 1;
/** What a multipart body may hold besides its fields and files: boundaries and part headers. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface IncomingFile {
  /** As the client named it (Content-Disposition `filename`). */
  fileName: string;
  /** The part's Content-Type as sent, lower case without parameters. */
  mimeType: string;
  /** The file's bytes, read from the request as they arrive; to be read once. */
  stream: ReadableStream<Uint8Array>;
}

/** The value of an `Upload` variable: its file once the request's body reaches it. */
export class Upload {
  readonly file: Promise<IncomingFile>;
  resolve!: (file: IncomingFile) => void;
  reject!: (error: unknown) => void;
  settled = false;
  /** Taken by a resolver: one file feeds one field (the same variable twice gets a coded refusal). */
  claimed = false;

  constructor() {
    this.file = new Promise<IncomingFile>((resolve, reject) => {
      this.resolve = (file) => ((this.settled = true), resolve(file));
      this.reject = (error) => ((this.settled = true), reject(error));
    });
    // A file nobody asked for (the operation failed before) must not be an unhandled rejection.
    this.file.catch(() => undefined);
  }
}

const badRequest = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });

/** Sets `value` at a map path such as `variables.input.file` or `0.variables.file`; only under variables. */
function setAt(operations: unknown, path: string, value: Upload): void {
  const keys = path.split('.');
  const variablesAt = Array.isArray(operations) ? 1 : 0;
  if (keys[variablesAt] !== 'variables' || keys.length <= variablesAt + 1 || keys.some((key) => key === '__proto__' || key === 'constructor' || key === 'prototype')) {
    throw badRequest(`The multipart map path "${path}" does not name a variable.`);
  }
  let current = operations as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    const next = current?.[key];
    if (next === null || typeof next !== 'object') throw badRequest(`The multipart map path "${path}" is not in operations.`);
    current = next as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  // The spec has the client send null where a file goes.
  if (current[last] !== null && current[last] !== undefined) throw badRequest(`The multipart map path "${path}" must hold null in operations.`);
  current[last] = value;
}

function parseJson(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(`The multipart field "${field}" is not valid JSON.`);
  }
}

export interface UploadLimits {
  /** `operations` and `map` together (QueryLimits.bodyBytes). */
  fieldBytes: number;
}

/**
 * Reads `operations` and `map`, puts an Upload in each mapped place, and goes on reading the files
 * in the background: each file's stream is handed to its Upload and the next part waits until that
 * stream is read (or abandoned). `stop` ends the reading (the response is out).
 */
async function parseUploadRequest(request: Request, boundary: string, limits: UploadLimits, onStop: (parse: ParseEnd) => void): Promise<unknown> {
  if (!request.body) throw badRequest('The multipart request has no body.');
  const reader = new MultipartReader(request.body, boundary);
  const fieldTooLarge = () => tooComplex('bodyBytes', limits.fieldBytes, `The multipart fields exceed the limit of ${limits.fieldBytes} bytes.`);
  const uploads = new Map<string, Upload>();
  const fail = (error: unknown) => {
    for (const upload of uploads.values()) if (!upload.settled) upload.reject(error);
    void reader.cancel(error);
  };
  onStop({ stop: () => fail(new MultipartError('The request was answered before its file was read.')), finished: () => reader.finished });
  try {
    const first = await reader.nextPart();
    if (first?.name !== 'operations' || first.fileName !== null) throw badRequest('The first multipart field must be "operations".');
    const operations = parseJson(await reader.readText(limits.fieldBytes, fieldTooLarge), 'operations');
    if (operations === null || typeof operations !== 'object') throw badRequest('The multipart field "operations" must be a JSON object or array.');
    const second = await reader.nextPart();
    if (second === null) return operations;
    if (second.name !== 'map' || second.fileName !== null) throw badRequest('The second multipart field must be "map".');
    const map = parseJson(await reader.readText(limits.fieldBytes, fieldTooLarge), 'map');
    if (map === null || typeof map !== 'object' || Array.isArray(map)) throw badRequest('The multipart field "map" must be a JSON object.');
    const entries = Object.entries(map as Record<string, unknown>);
    if (entries.length > MAX_FILES_PER_REQUEST) throw badRequest(`A request may carry at most ${MAX_FILES_PER_REQUEST} file.`);
    for (const [name, paths] of entries) {
      if (!Array.isArray(paths) || paths.length === 0 || paths.some((path) => typeof path !== 'string')) throw badRequest(`The multipart map entry "${name}" must be a list of paths.`);
      const upload = new Upload();
      uploads.set(name, upload);
      for (const path of paths as string[]) setAt(operations, path, upload);
    }
    void readFiles(reader, uploads).catch(fail);
    return operations;
  } catch (error) {
    fail(error);
    if (error instanceof MultipartError) throw badRequest(`Invalid multipart body: ${error.message}`);
    throw error;
  }
}

async function readFiles(reader: MultipartReader, uploads: Map<string, Upload>): Promise<void> {
  for (let part = await reader.nextPart(); part !== null; part = await reader.nextPart()) {
    const upload = uploads.get(part.name);
    // Parts the map does not name, and a second part of the same name, are skipped.
    if (!upload || upload.settled) continue;
    let finished!: () => void;
    const read = new Promise<void>((resolve) => (finished = resolve));
    const stream = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          try {
            const chunk = await reader.readBody();
            if (chunk === null) {
              controller.close();
              finished();
            } else controller.enqueue(chunk);
          } catch (error) {
            controller.error(error);
            finished();
          }
        },
        cancel(reason) {
          // The reader refused the file (too large): nothing after it is read.
          void reader.cancel(reason);
          finished();
        },
      },
      { highWaterMark: 0 },
    );
    upload.resolve({ fileName: part.fileName ?? '', mimeType: part.mimeType, stream });
    await read;
  }
  for (const upload of uploads.values()) if (!upload.settled) upload.reject(new MultipartError('The request has no file for a mapped variable.'));
}

/** How a parse ends once the response is there: whether its body was read to the end, and the stop. */
interface ParseEnd {
  finished(): boolean;
  stop(): void;
}

/**
 * The yoga plugin: multipart/form-data POSTs are parsed here, streaming (yoga's parser buffers files).
 * A response given before the body was read to its end (a refused file, an error before the file was
 * read) says `Connection: close`: the rest is not read, and the connection cannot carry another request.
 */
export function useStreamingUploads(limits: UploadLimits): Plugin {
  const parses = new WeakMap<Request, ParseEnd>();
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== 'POST') return;
      const contentType = request.headers.get('content-type');
      if (!contentType || !/^\s*multipart\/form-data/i.test(contentType)) return;
      const boundary = boundaryOf(contentType);
      setRequestParser(async (parsed) => {
        if (!boundary) throw badRequest('A multipart/form-data request needs a boundary.');
        // Keyed by the request yoga answers (the parser gets a copy wrapped by yoga's own body limit).
        return (await parseUploadRequest(parsed, boundary, limits, (parse) => parses.set(request, parse))) as never;
      });
    },
    onResponse({ request, response }) {
      const parse = parses.get(request);
      if (!parse) return;
      parses.delete(request);
      if (!parse.finished()) response.headers.set('connection', 'close');
      parse.stop();
    },
  };
}
