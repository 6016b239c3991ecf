import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { ApiError } from '../http-errors.ts'
import { complaintAttemptsRepository, type ComplaintAttemptPurpose } from '../repositories/complaint-attempts-repository.ts'

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS

/** The stored form of a client address: its hash, so the table keeps no addresses. */
export function complaintAddressHash(address: string): string {
  return createHash('sha256').update(`complaint\n${address}`).digest('hex')
}

/** Seconds until the oldest counted try leaves the window, or null while under the limit. */
export function retryAfterSeconds(times: Date[], limit: number, windowMs: number, now: Date): number | null {
  if (times.length < limit) return null
  const freedAt = times[times.length - limit]!.getTime() + windowMs
  return Math.max(1, Math.ceil((freedAt - now.getTime()) / 1000))
}

/** The 429 of the complaint limits, with the wait for the Retry-After header. */
export class ComplaintRateLimitedError extends ApiError {
  readonly retryAfterSeconds: number

  constructor(code: string, retryAfterSeconds: number) {
    const minutes = Math.ceil(retryAfterSeconds / 60)
    super(429, code, code === 'COMPLAINT_LOOKUP_RATE_LIMITED' ? `查询次数过多，请在 ${minutes} 分钟后再试` : `提交过于频繁，请在 ${minutes} 分钟后再试，或拨打 12345 热线反映`)
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/**
 * Counts a try of `purpose` from the address inside the caller's transaction, or throws
 * ComplaintRateLimitedError when the address has used up `limit` in the window. The address is
 * locked first, so parallel tries cannot all pass the count at once.
 */
export async function countAddressTry(
  trx: Kysely<Database>,
  { purpose, clientAddress, limit, windowMinutes, now }: { purpose: ComplaintAttemptPurpose; clientAddress: string; limit: number; windowMinutes: number; now: Date },
): Promise<void> {
  const attempts = complaintAttemptsRepository(trx)
  const addressHash = complaintAddressHash(clientAddress)
  await attempts.lock(`address:${addressHash}`)
  const windowMs = windowMinutes * MINUTE_MS
  const wait = retryAfterSeconds(await attempts.fromAddress(purpose, addressHash, new Date(now.getTime() - windowMs)), limit, windowMs, now)
  if (wait !== null) throw new ComplaintRateLimitedError('COMPLAINT_RATE_LIMITED', wait)
  await attempts.record({ purpose, addressHash, at: now })
  await attempts.forgetBefore(new Date(now.getTime() - 2 * DAY_MS))
}

/** Runs `work`; when it hits a complaint limit, sets Retry-After on the reply before the 429 is answered. */
export async function withRetryAfter<T>(reply: { header(name: string, value: string): unknown }, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof ComplaintRateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds))
    throw error
  }
}
