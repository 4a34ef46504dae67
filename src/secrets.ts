import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets stored at rest (sign-in providers' client secrets, integration connections' credentials):
 * AES-256-GCM under a 32-byte key from configuration. Each value is sealed with a context naming
 * its purpose and its row (additional data), so a ciphertext copied onto another row, or into
 * another column, does not decrypt. The contexts of every purpose are below, in one place.
 */

const VERSION = 'v1';
const IV_BYTES = 12;

/** The key from its configured text (`variable`, e.g. AUTH_PROVIDER_SECRET_KEY): 64 hex digits or base64 of 32 bytes; anything else stops the start. */
export function parseSecretKey(raw: string | undefined, variable: string): Buffer | null {
  const text = raw?.trim();
  if (!text) return null;
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error(`${variable} must be 32 bytes, as 64 hex digits or base64 (e.g. \`openssl rand -base64 32\`)`);
  return key;
}

/** A key for another purpose (the OIDC state cookie), derived so the two never share a key. */
export function deriveKey(key: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), purpose, 32));
}

/** AES-256-GCM of `plain`, authenticated with `context`: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function seal(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The plain text of `sealed`, or null when it was not sealed by this key for this context (tampered, wrong key, other row). */
export function open(key: Buffer, sealed: string, context: string): string | null {
  const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** The additional data a provider's client secret is sealed with. */
export const clientSecretContext = (providerKey: string) => `auth_provider.client_secret:${providerKey}`;

/** The additional data an integration connection's credentials are sealed with: its id, fixed for the row's life (renames keep them). */
export const integrationCredentialsContext = (connectionId: string) => `integration_connection.credentials:${connectionId}`;
