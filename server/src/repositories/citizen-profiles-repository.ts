import type { Kysely } from 'kysely'
import type { Profile, ProfileInput } from '../../../contract/profile.ts'
import type { Database } from '../db/schema.ts'

/** A citizen's profile. Every query names the citizen: nobody reads or writes another's. */
export function citizenProfilesRepository(db: Kysely<Database>) {
  return {
    /** The profile, or one of nulls whose phone is the sign-in number when none was saved. */
    async find(citizen: { id: string; phone: string }): Promise<Profile> {
      const row = await db.selectFrom('citizen_profiles').selectAll().where('citizen_id', '=', citizen.id).executeTakeFirst()
      if (!row) return { name: null, idNumber: null, phone: citizen.phone, address: null, updatedAt: null }
      return { name: row.name, idNumber: row.id_number, phone: row.phone, address: row.address, updatedAt: row.updated_at.toISOString() }
    },

    async save(citizenId: string, profile: ProfileInput, now: Date): Promise<Profile> {
      const values = { name: profile.name, id_number: profile.idNumber, phone: profile.phone, address: profile.address, updated_at: now }
      await db
        .insertInto('citizen_profiles')
        .values({ citizen_id: citizenId, ...values })
        .onConflict((conflict) => conflict.column('citizen_id').doUpdateSet(values))
        .execute()
      return { ...profile, updatedAt: now.toISOString() }
    },
  }
}
