import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import { hallsRepository } from '../repositories/halls-repository.ts'
import { demoHalls } from './halls.ts'

/**
 * Writes the demo halls when the database has none; returns whether it did. Runs in one
 * transaction, so a failure leaves the database empty and the next start tries again.
 */
export async function seedDemoData(db: Kysely<Database>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const halls = hallsRepository(trx)
    if ((await halls.count()) > 0) return false
    for (const [index, hall] of demoHalls.entries()) await halls.insert(hall, index)
    return true
  })
}
