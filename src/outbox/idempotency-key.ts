/**
 * A fresh key for one write. `crypto.randomUUID` exists only in secure contexts; a phone
 * opening the app over plain http on a LAN still gets 128 random bits.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('')
}
