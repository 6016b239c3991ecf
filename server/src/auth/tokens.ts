import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto'

// Secrets handed to browsers and phones, and what the database keeps of them: only hashes, so a
// copy of the database signs nobody in.

/** A new session token: 256 random bits, URL-safe, for the httpOnly session cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url')
}

/** What a session token is stored and looked up as. */
export function sessionTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * The CSRF token of a session, derived from its token: the server recomputes it from the cookie
 * and needs no storage, and nobody can compute it without the httpOnly token, so a cookie planted
 * by another site (or a sibling subdomain) is of no use.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf\n${sessionToken}`).digest('base64url')
}

/** Whether a cookie value can be a session token at all (before any database lookup). */
export function isWellFormedSessionToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value)
}

/** A six-digit one-time code, uniformly random. */
export function newSignInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

/**
 * What a sign-in code is stored as. Six digits are easy to brute-force from a hash, so the code's
 * protection is its five-minute life and five attempts; the hash keeps codes out of plain sight in
 * backups and query logs.
 */
export function signInCodeHash(codeId: string, code: string): string {
  return createHash('sha256').update(`${codeId}:${code}`).digest('hex')
}

/** Compares two secrets in constant time (for equal lengths). */
export function secretsEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}
