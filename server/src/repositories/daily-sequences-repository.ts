import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'

export function dailySequencesRepository(db: Kysely<Database>) {
  return {
    /**
     * The next number of a series on a day, starting at 1. The upsert locks the counter row, so
     * concurrent writers get distinct numbers; call it inside the transaction that uses the number.
     */
    async next(series: string, day: string): Promise<number> {
      const row = await db
        .insertInto('daily_sequences')
        .values({ series, day, last_value: 1 })
        .onConflict((conflict) =>
          conflict.columns(['series', 'day']).doUpdateSet((eb) => ({ last_value: eb('daily_sequences.last_value', '+', 1) })),
        )
        .returning('last_value')
        .executeTakeFirstOrThrow()
      return row.last_value
    },
  }
}
