import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { QUERY_CODE_ALPHABET, QUERY_CODE_LENGTH } from '../../../contract/complaints.ts'

/**
 * The query code (查询码) of a complaint, derived from the sender's Idempotency-Key (a random
 * secret only the sending phone holds) and the complaint's random id. Derived rather than drawn,
 * so that a retry of the same write — the outbox resending after a lost answer — can be answered
 * with the same code although the server keeps only the code's hash and the key's hash.
 */
export function deriveQueryCode(idempotencyKey: string, complaintId: string): string {
  const digest = createHmac('sha256', idempotencyKey).update(`complaint-query-code\n${complaintId}`).digest()
  let code = ''
  for (let index = 0; index < QUERY_CODE_LENGTH; index += 1) {
    // Two bytes per character keep the modulo bias below 0.05 %.
    code += QUERY_CODE_ALPHABET[digest.readUInt16BE(index * 2) % QUERY_CODE_ALPHABET.length]
  }
  return code
}

/** The stored form of a query code, bound to its tracking number; typed codes are compared in upper case. */
export function queryCodeHash(trackingNumber: string, queryCode: string): string {
  return createHash('sha256').update(`complaint-query-code\n${trackingNumber}\n${queryCode.toUpperCase()}`).digest('hex')
}

/** Whether a typed code matches the stored hash, compared in constant time. */
export function queryCodeMatches(storedHash: string, trackingNumber: string, typed: string): boolean {
  return timingSafeEqual(Buffer.from(storedHash, 'hex'), Buffer.from(queryCodeHash(trackingNumber, typed), 'hex'))
}

/** The stored form of an Idempotency-Key of a complaint: only its hash, since it derives the query code. */
export function idempotencyKeyHash(idempotencyKey: string): string {
  return `complaint:${createHash('sha256').update(idempotencyKey).digest('hex')}`
}
