import type { Kysely } from 'kysely'
import type { HallSchedule, HallScheduleInput } from '../../../contract/appointment-slots.ts'
import type { Database } from '../db/schema.ts'

/** Halls' appointment schedules (one per hall), stored whole as staff set them. */
export function appointmentSchedulesRepository(db: Kysely<Database>) {
  return {
    async find(hallId: string): Promise<HallSchedule | undefined> {
      const row = await db.selectFrom('appointment_schedules').select(['hall_id', 'schedule', 'updated_at']).where('hall_id', '=', hallId).executeTakeFirst()
      return row ? { hallId: row.hall_id, ...row.schedule, updatedAt: row.updated_at.toISOString() } : undefined
    },

    /** Replaces the hall's schedule (or sets its first one). */
    async save(hallId: string, schedule: HallScheduleInput, staffId: string | null, now: Date): Promise<void> {
      const values = { schedule: JSON.stringify(schedule), updated_at: now, updated_by: staffId }
      await db
        .insertInto('appointment_schedules')
        .values({ hall_id: hallId, ...values })
        .onConflict((conflict) => conflict.column('hall_id').doUpdateSet(values))
        .execute()
    },

    async count(): Promise<number> {
      const row = await db.selectFrom('appointment_schedules').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow()
      return Number(row.count)
    },
  }
}
