import { sql, type Kysely } from 'kysely'
import type { ScheduledSlot } from '../../../contract/appointment-slots.ts'
import type { Database } from '../db/schema.ts'

/** The key of a slot's counter row. */
export interface SlotKey {
  hallId: string
  serviceId: string
  date: string
  start: string
}

/** Places taken in a slot: all bookings, and those of them made with a priority group. */
export interface SlotUsage {
  booked: number
  bookedPriority: number
}

/**
 * The per-slot counters that keep bookings within capacity (appointment_slots, migration 0010):
 * a row per slot ever booked, changed only by the conditional UPDATEs below.
 */
export function appointmentSlotsRepository(db: Kysely<Database>) {
  const whereSlot = (key: SlotKey) =>
    db
      .updateTable('appointment_slots')
      .where('hall_id', '=', key.hallId)
      .where('service_id', '=', key.serviceId)
      .where(sql`slot_date`, '=', sql`${key.date}::date`)
      .where('start_time', '=', key.start)

  return {
    /**
     * Takes one place of the slot, or answers false when none is left: one conditional UPDATE of
     * the slot's counter row, which PostgreSQL runs one transaction at a time per row (a second
     * booker waits for the first to commit and then re-checks the condition), so concurrent
     * bookings never exceed capacity. An ordinary booking leaves the priority places still held;
     * a priority booking may take any place. The schedule's current capacity is written along.
     */
    async claimPlace(key: SlotKey, slot: ScheduledSlot, priority: boolean): Promise<boolean> {
      await db
        .insertInto('appointment_slots')
        .values({
          hall_id: key.hallId,
          service_id: key.serviceId,
          slot_date: key.date,
          start_time: key.start,
          kind: slot.kind,
          capacity: slot.capacity,
          priority_reserved: slot.priorityReserved,
        })
        .onConflict((conflict) => conflict.columns(['hall_id', 'service_id', 'slot_date', 'start_time']).doNothing())
        .execute()
      const room = priority
        ? sql<boolean>`booked < ${slot.capacity}`
        : sql<boolean>`booked + greatest(0, ${slot.priorityReserved} - booked_priority) < ${slot.capacity}`
      const row = await whereSlot(key)
        .set({
          booked: sql`booked + 1`,
          booked_priority: priority ? sql`booked_priority + 1` : sql`booked_priority`,
          capacity: slot.capacity,
          priority_reserved: slot.priorityReserved,
        })
        .where(room)
        .returning('booked')
        .executeTakeFirst()
      return row !== undefined
    },

    /** Gives a place back (a cancelled or moved booking). */
    async releasePlace(key: SlotKey, priority: boolean): Promise<void> {
      await whereSlot(key)
        .set({ booked: sql`greatest(booked - 1, 0)`, booked_priority: priority ? sql`greatest(booked_priority - 1, 0)` : sql`booked_priority` })
        .execute()
    },

    /** Places taken per slot of a service from `from` to `to`, keyed `date start`. */
    async usage(hallId: string, serviceId: string, from: string, to: string): Promise<Map<string, SlotUsage>> {
      const rows = await db
        .selectFrom('appointment_slots')
        .select(['start_time', 'booked', 'booked_priority'])
        .select(sql<string>`slot_date::text`.as('slot_date'))
        .where('hall_id', '=', hallId)
        .where('service_id', '=', serviceId)
        .where(sql`slot_date`, '>=', sql`${from}::date`)
        .where(sql`slot_date`, '<=', sql`${to}::date`)
        .execute()
      return new Map(rows.map((row) => [`${row.slot_date} ${row.start_time}`, { booked: row.booked, bookedPriority: row.booked_priority }]))
    },

  }
}
