import type { Kysely } from 'kysely'
import { COMPLAINT_LIMITS, COMPLAINT_LOOKUP_FAILED_MESSAGE } from '../../../contract/complaints.ts'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http-errors.ts'
import { complaintAttemptsRepository } from '../repositories/complaint-attempts-repository.ts'
import { complaintsRepository, type StoredComplaint } from '../repositories/complaints-repository.ts'
import { complaintAddressHash, ComplaintRateLimitedError, retryAfterSeconds } from './complaint-limits.ts'
import { queryCodeHash, queryCodeMatches } from './query-code.ts'

const MINUTE_MS = 60_000

/** A hash no code matches: compared against when the tracking number does not exist, so both cost the same. */
const noComplaintHash = queryCodeHash('TS-00000000-0000', '----------')

export type ComplaintLookupOutcome = { kind: 'found'; complaint: StoredComplaint } | { kind: 'not_found' } | { kind: 'rate_limited'; retryAfterSeconds: number }

/**
 * Checks a tracking number and query code, counting the try against the limits (per address, and
 * wrong codes per tracking number). Run it in a transaction of its own that commits even when the
 * code is wrong, so wrong tries are counted; then answer with lookupOutcomeOrThrow.
 */
export async function lookUpComplaint(
  trx: Kysely<Database>,
  { trackingNumber, queryCode, clientAddress, now }: { trackingNumber: string; queryCode: string; clientAddress: string; now: Date },
): Promise<ComplaintLookupOutcome> {
  const attempts = complaintAttemptsRepository(trx)
  const addressHash = complaintAddressHash(clientAddress)
  await attempts.lock(`address:${addressHash}`)
  await attempts.lock(`tracking:${trackingNumber}`)
  const addressWindowMs = COMPLAINT_LIMITS.lookupsPerAddressWindowMinutes * MINUTE_MS
  const trackingWindowMs = COMPLAINT_LIMITS.lookupFailuresWindowMinutes * MINUTE_MS
  const waits = [
    retryAfterSeconds(await attempts.fromAddress('lookup', addressHash, new Date(now.getTime() - addressWindowMs)), COMPLAINT_LIMITS.lookupsPerAddress, addressWindowMs, now),
    retryAfterSeconds(await attempts.lookupFailures(trackingNumber, new Date(now.getTime() - trackingWindowMs)), COMPLAINT_LIMITS.lookupFailuresPerTrackingNumber, trackingWindowMs, now),
  ].filter((wait): wait is number => wait !== null)
  if (waits.length > 0) return { kind: 'rate_limited', retryAfterSeconds: Math.max(...waits) }

  const complaint = await complaintsRepository(trx).findByTrackingNumber(trackingNumber)
  const matched = queryCodeMatches(complaint?.queryCodeHash ?? noComplaintHash, trackingNumber, queryCode) && complaint !== undefined
  await attempts.record({ purpose: 'lookup', addressHash, trackingNumber, matched, at: now })
  await attempts.forgetBefore(new Date(now.getTime() - 24 * 60 * MINUTE_MS))
  return matched && complaint ? { kind: 'found', complaint } : { kind: 'not_found' }
}

/** The complaint of a successful lookup, else the one 404 or the 429 (with its wait). */
export function lookupOutcomeOrThrow(outcome: ComplaintLookupOutcome): StoredComplaint {
  if (outcome.kind === 'rate_limited') throw new ComplaintRateLimitedError('COMPLAINT_LOOKUP_RATE_LIMITED', outcome.retryAfterSeconds)
  if (outcome.kind === 'not_found') throw new ApiError(404, 'COMPLAINT_LOOKUP_FAILED', COMPLAINT_LOOKUP_FAILED_MESSAGE)
  return outcome.complaint
}
