/**
 * Prints an Argon2id hash for a seed file or a manual password reset:
 *   echo -n 'the password' | npx tsx src/auth/hash-password.ts
 * The password is read from standard input so that it stays out of the shell history.
 */
import { hashPassword } from './passwords.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

const password = await readStdin();
if (password === '') {
  console.error('usage: echo -n <password> | npx tsx src/auth/hash-password.ts');
  process.exit(1);
}
console.log(await hashPassword(password));
