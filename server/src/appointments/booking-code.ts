import { randomInt } from 'node:crypto'

// No 0/O, 1/I/L: read aloud at a window or typed from a screenshot without confusion.
const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** A random booking code such as `K7QM-3XPD` (31^8 ≈ 8.5 × 10^11 codes; contract bookingCodePattern). */
export function newBookingCode(): string {
  const characters = Array.from({ length: 8 }, () => alphabet[randomInt(alphabet.length)])
  return `${characters.slice(0, 4).join('')}-${characters.slice(4).join('')}`
}
