import type { FilesConfig } from '../config.js';
import { LocalFileStorage } from './local-storage.js';
import { S3FileStorage } from './s3-storage.js';
import type { FilesOptions } from './service.js';

export type { FilesOptions } from './service.js';
export { LocalFileStorage };

/** The storage FILES_STORAGE names, with the limits of the configuration. */
export function filesFromConfig(config: FilesConfig): FilesOptions {
  const storage = config.storage === 's3' && config.s3 ? new S3FileStorage(config.s3) : new LocalFileStorage(config.dir);
  return { storage, maxBytes: config.maxBytes, allowedTypes: config.allowedTypes };
}
