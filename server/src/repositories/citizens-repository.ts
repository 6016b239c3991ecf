import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

export function citizensRepository(db: Kysely<Database>) {
  return {
    /** The citizen of a number, created at their first sign-in; records the sign-in time. */
    async signedIn(phone: string, now: Date): Promise<{ id: string; phone: string }> {
      return db
        .insertInto('citizens')
        .values({ phone, last_signed_in_at: now })
        .onConflict((conflict) => conflict.column('phone').doUpdateSet({ last_signed_in_at: now }))
        .returning(['id', 'phone'])
        .executeTakeFirstOrThrow()
    },
  }
}
