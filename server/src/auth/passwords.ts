import { hash, verify } from '@node-rs/argon2'

// Staff passwords are hashed with argon2id (the library's default algorithm) at the parameters
// OWASP recommends as a minimum: 19 MiB of memory, two passes, one lane (~50 ms here).
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

/** A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) to store. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

let unknownUserHash: Promise<string> | undefined

/**
 * Whether the password matches the stored hash. With no hash (unknown username) a dummy hash is
 * verified all the same, so the answer takes as long and does not tell which usernames exist.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (storedHash === undefined) {
    unknownUserHash ??= hash('no such account', options)
    await verify(await unknownUserHash, password)
    return false
  }
  try {
    return await verify(storedHash, password)
  } catch {
    // A malformed stored hash signs nobody in.
    return false
  }
}
