import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

/**
 * The catalogue change counter (the sync feed's cursor). `lock()` takes its row lock for the rest
 * of the transaction, so publishes and withdrawals commit one at a time, in counter order.
 */
export function catalogueSequenceRepository(db: Kysely<Database>) {
  return {
    async lock(): Promise<void> {
      await db.selectFrom('catalogue_sequence').select('last_value').forUpdate().executeTakeFirstOrThrow()
    },

    /** Advances the counter and answers the new value, as a decimal string. */
    async next(): Promise<string> {
      const row = await db
        .updateTable('catalogue_sequence')
        .set({ last_value: sql<string>`last_value + 1` })
        .returning('last_value')
        .executeTakeFirstOrThrow()
      return String(row.last_value)
    },

    /** The value of the last committed change, as a decimal string. */
    async current(): Promise<string> {
      const row = await db.selectFrom('catalogue_sequence').select('last_value').executeTakeFirstOrThrow()
      return String(row.last_value)
    },
  }
}
