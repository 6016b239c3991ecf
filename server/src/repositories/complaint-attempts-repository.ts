import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

export type ComplaintAttemptPurpose = 'submission' | 'photo' | 'lookup'

/** The tries counted for the complaint limits (contract COMPLAINT_LIMITS), by address hash. */
export function complaintAttemptsRepository(db: Kysely<Database>) {
  return {
    /** Serialises the counted tries of one key (an address, a tracking number) until the transaction ends. */
    async lock(key: string): Promise<void> {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`complaint-limit:${key}`}))`.execute(db)
    },

    /** Times of the address's tries of a purpose since `since`, oldest first. */
    async fromAddress(purpose: ComplaintAttemptPurpose, addressHash: string, since: Date): Promise<Date[]> {
      const rows = await db
        .selectFrom('complaint_attempts')
        .select('at')
        .where('purpose', '=', purpose)
        .where('address_hash', '=', addressHash)
        .where('at', '>', since)
        .orderBy('at')
        .execute()
      return rows.map((row) => row.at)
    },

    /** Times of wrong query codes for a tracking number since `since`, oldest first. */
    async lookupFailures(trackingNumber: string, since: Date): Promise<Date[]> {
      const rows = await db
        .selectFrom('complaint_attempts')
        .select('at')
        .where('purpose', '=', 'lookup')
        .where('tracking_number', '=', trackingNumber)
        .where('matched', '=', false)
        .where('at', '>', since)
        .orderBy('at')
        .execute()
      return rows.map((row) => row.at)
    },

    async record(attempt: { purpose: ComplaintAttemptPurpose; addressHash: string; trackingNumber?: string; matched?: boolean; at: Date }): Promise<void> {
      await db
        .insertInto('complaint_attempts')
        .values({ purpose: attempt.purpose, address_hash: attempt.addressHash, tracking_number: attempt.trackingNumber ?? null, matched: attempt.matched ?? null, at: attempt.at })
        .execute()
    },

    /** Forgets tries older than `before`: no limit looks back that far. */
    async forgetBefore(before: Date): Promise<void> {
      await db.deleteFrom('complaint_attempts').where('at', '<', before).execute()
    },
  }
}
