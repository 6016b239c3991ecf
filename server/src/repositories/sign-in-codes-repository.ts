import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

export interface LiveSignInCode {
  id: string
  codeHash: string
  attempts: number
}

export function signInCodesRepository(db: Kysely<Database>) {
  return {
    /**
     * Serialises code requests for one number and one client address until the transaction ends,
     * so two concurrent requests cannot both pass the limits. Locks are always taken number first,
     * then address, so two requests never wait on each other in a cycle.
     */
    async lockRequester(phone: string, clientAddress: string): Promise<void> {
      await sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in-code:phone:${phone}`}, 0))`.execute(db)
      await sql`select pg_advisory_xact_lock(hashtextextended(${`sign-in-code:address:${clientAddress}`}, 0))`.execute(db)
    },

    async sentToPhoneSince(phone: string, since: Date): Promise<Date[]> {
      const rows = await db
        .selectFrom('sign_in_codes')
        .select('created_at')
        .where('phone', '=', phone)
        .where('created_at', '>', since)
        .orderBy('created_at', 'desc')
        .execute()
      return rows.map((row) => row.created_at)
    },

    async requestedFromAddressSince(clientAddress: string, since: Date): Promise<Date[]> {
      const rows = await db
        .selectFrom('sign_in_codes')
        .select('created_at')
        .where('client_address', '=', clientAddress)
        .where('created_at', '>', since)
        .orderBy('created_at', 'desc')
        .execute()
      return rows.map((row) => row.created_at)
    },

    /** Earlier unused codes of the number stop working: only the newest code signs in. */
    async supersede(phone: string, now: Date): Promise<void> {
      await db.updateTable('sign_in_codes').set({ used_at: now }).where('phone', '=', phone).where('used_at', 'is', null).execute()
    },

    async insert(code: { id: string; phone: string; clientAddress: string; codeHash: string; createdAt: Date; expiresAt: Date }): Promise<void> {
      await db
        .insertInto('sign_in_codes')
        .values({
          id: code.id,
          phone: code.phone,
          client_address: code.clientAddress,
          code_hash: code.codeHash,
          created_at: code.createdAt,
          expires_at: code.expiresAt,
          used_at: null,
        })
        .execute()
    },

    /** Withdraws a code whose SMS could not be sent, so it counts against no limit. */
    async delete(id: string): Promise<void> {
      await db.deleteFrom('sign_in_codes').where('id', '=', id).execute()
    },

    /** Rows older than a day serve no limit any more. */
    async deleteCreatedBefore(before: Date): Promise<void> {
      await db.deleteFrom('sign_in_codes').where('created_at', '<', before).execute()
    },

    /** The number's newest usable code, locked for the rest of the transaction. */
    async findLiveForUpdate(phone: string, now: Date): Promise<LiveSignInCode | undefined> {
      const row = await db
        .selectFrom('sign_in_codes')
        .select(['id', 'code_hash', 'attempts'])
        .where('phone', '=', phone)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .limit(1)
        .forUpdate()
        .executeTakeFirst()
      return row && { id: row.id, codeHash: row.code_hash, attempts: row.attempts }
    },

    /** Counts a wrong attempt; the code is spent when it reaches `maxAttempts`. */
    async recordWrongAttempt(id: string, attempts: number, maxAttempts: number, now: Date): Promise<void> {
      await db
        .updateTable('sign_in_codes')
        .set({ attempts, used_at: attempts >= maxAttempts ? now : null })
        .where('id', '=', id)
        .execute()
    },

    async markUsed(id: string, now: Date): Promise<void> {
      await db.updateTable('sign_in_codes').set({ used_at: now }).where('id', '=', id).execute()
    },
  }
}
