import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';

// FILES_*: where file bodies go and what uploadFile takes (README "Files", "Configuration").

describe('files configuration', () => {
  it('defaults to local files beside the embedded database, 25 MiB, any type', () => {
    expect(loadConfig({}).files).toEqual({ storage: 'local', dir: './.data-files', maxBytes: 25 * 1024 * 1024, allowedTypes: [], s3: null });
    expect(loadConfig({ PGLITE_DATA_DIR: '/var/lib/gateway/db/' }).files.dir).toBe('/var/lib/gateway/db-files');
    expect(loadConfig({ PGLITE_DATA_DIR: 'memory://' }).files.dir).toBe('./.data-files');
    expect(loadConfig({ FILES_DIR: '/srv/files' }).files.dir).toBe('/srv/files');
  });

  it('reads the limits, and refuses what is not a size or a media type', () => {
    expect(loadConfig({ FILES_MAX_BYTES: '1000', FILES_ALLOWED_TYPES: ' Image/*, application/pdf ,' }).files).toMatchObject({ maxBytes: 1000, allowedTypes: ['image/*', 'application/pdf'] });
    expect(() => loadConfig({ FILES_MAX_BYTES: '0' })).toThrow('FILES_MAX_BYTES');
    expect(() => loadConfig({ FILES_MAX_BYTES: String(6 * 1024 ** 3) })).toThrow('at most');
    expect(() => loadConfig({ FILES_ALLOWED_TYPES: 'pdf' })).toThrow('FILES_ALLOWED_TYPES');
    expect(() => loadConfig({ FILES_STORAGE: 'ftp' })).toThrow('FILES_STORAGE');
  });

  it('needs the endpoint, bucket and key pair for S3', () => {
    expect(() => loadConfig({ FILES_STORAGE: 's3', FILES_S3_BUCKET: 'b' })).toThrow('FILES_S3_ENDPOINT, FILES_S3_ACCESS_KEY_ID, FILES_S3_SECRET_ACCESS_KEY');
    const s3 = { FILES_STORAGE: 'S3', FILES_S3_ENDPOINT: 'http://127.0.0.1:9000', FILES_S3_BUCKET: 'b', FILES_S3_ACCESS_KEY_ID: 'k', FILES_S3_SECRET_ACCESS_KEY: 's' };
    expect(loadConfig(s3).files.s3).toEqual({ endpoint: 'http://127.0.0.1:9000', bucket: 'b', region: 'us-east-1', accessKeyId: 'k', secretAccessKey: 's' });
  });
});
