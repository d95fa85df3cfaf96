import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * NFKC first (NIST SP 800-63B §5.1.1.2): a password set with the IME in full-width mode
 * (ｘｕｅｙｕａｎ２０２６) must still open the account when typed in half-width, and the reverse.
 */
const stable = (password: string) => password.normalize('NFKC');

export function hashPassword(password: string): Promise<string> {
  return hash(stable(password), ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, stable(password));
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows, verified against for unknown accounts so timing reveals nothing. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash;
}
