import { hash, verify } from '@node-rs/argon2';

/** Accepted password lengths (characters); the upper bound keeps hashing cheap for hostile input. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Argon2id with the library's defaults (m=19456 KiB, t=2, p=1: the OWASP minimum) and a fresh
 * 16-byte salt; the result is a PHC string (`$argon2id$v=19$m=...,t=...,p=...$salt$hash`) that
 * carries its own parameters, so they can be raised later without breaking stored hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** True when `password` matches the PHC string; a malformed or foreign hash is a mismatch, not an error. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A real hash of a throwaway secret, verified against when no account matches (equal timing: no user enumeration). */
const timingDummy = hashPassword('timing-dummy-password-never-matches');

/** Spends the same work as a real verification and answers false. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verifyPassword(await timingDummy, password);
  return false;
}
