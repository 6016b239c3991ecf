import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { FileStorage } from '../files/file-storage.ts'
import type { GuideImportResult } from '../guides/import-guides.ts'
import { departmentsRepository } from '../repositories/departments-repository.ts'
import { hallsRepository } from '../repositories/halls-repository.ts'
import { serviceItemsRepository } from '../repositories/service-items-repository.ts'
import { seedAppointmentSchedules } from './appointment-schedules.ts'
import { defaultGuidesDir, seedGuides } from './guides.ts'
import { demoHalls } from './halls.ts'

export interface SeedOptions {
  /** Where the seed's forms and samples are stored (the app's storage). */
  storage: FileStorage
  /** Where the catalogue's import files are; the checked-in server/seed/guides by default. */
  guidesDir?: string
}

export interface SeedResult {
  halls: boolean
  catalogue: boolean
  /** Whether appointment schedules were set for halls that had none. */
  schedules: boolean
  /** Seed guides that were kept as drafts or rejected (a problem in the seed files). */
  unpublishedGuides: GuideImportResult[]
}

/**
 * Writes the demo halls when the database has none, and imports the catalogue files when the
 * catalogue is empty, then gives halls without an appointment schedule one from their opening
 * hours. Each runs in one transaction, so a failure leaves that part empty and the
 * next start tries again.
 */
export async function seedDemoData(db: Kysely<Database>, options: SeedOptions): Promise<SeedResult> {
  const halls = await db.transaction().execute(async (trx) => {
    const repository = hallsRepository(trx)
    if ((await repository.count()) > 0) return false
    for (const [index, hall] of demoHalls.entries()) await repository.insert(hall, index)
    return true
  })
  const catalogue = await db.transaction().execute(async (trx) => {
    if ((await departmentsRepository(trx).count()) > 0 || (await serviceItemsRepository(trx).count()) > 0) return null
    return seedGuides(trx, options.guidesDir ?? defaultGuidesDir, options.storage)
  })
  // Schedules come last: they are derived from the halls' hours and the catalogue's items.
  const schedules = await db.transaction().execute((trx) => seedAppointmentSchedules(trx))
  return { halls, catalogue: catalogue !== null, schedules: schedules > 0, unpublishedGuides: catalogue ?? [] }
}
